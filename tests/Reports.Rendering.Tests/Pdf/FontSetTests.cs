using Reports.Rendering.Pdf;

namespace Reports.Rendering.Tests.Pdf;

/// <summary>What FontSet draws for text beyond Noto Sans.</summary>
public sealed class FontSetTests
{
    [Theory]
    [InlineData("代码")]
    [InlineData("علاج")]
    [InlineData("한국어")]
    public void Bold_text_in_a_face_without_a_bold_weight_is_emboldened(string text)
    {
        using var fonts = FontSet.ForText([text]);
        using var regular = fonts.Outline(text, new TextStyle(12));
        using var bold = fonts.Outline(text, new TextStyle(12, Bold: true));

        Assert.False(regular.IsEmpty);
        Assert.True(bold.Bounds.Height > regular.Bounds.Height, $"bold {bold.Bounds}, regular {regular.Bounds}");
    }

    [Fact]
    public void Right_to_left_text_is_laid_out_from_the_right()
    {
        // "אב" in logical order: alef first. Drawn right to left, bet is at the left and alef at the right.
        var style = new TextStyle(20);
        using var fonts = FontSet.ForText(["אב"]);
        using var word = fonts.Outline("אב", style);
        using var alef = fonts.Outline("א", style);
        using var bet = fonts.Outline("ב", style);
        using var rightToLeft = new SkiaSharp.SKPath();
        rightToLeft.AddPath(bet);
        rightToLeft.AddPath(alef, fonts.Measure("ב", style), 0);
        using var leftToRight = new SkiaSharp.SKPath();
        leftToRight.AddPath(alef);
        leftToRight.AddPath(bet, fonts.Measure("א", style), 0);

        Assert.Equal(Pixels(rightToLeft), Pixels(word));
        Assert.NotEqual(Pixels(leftToRight), Pixels(word));
    }

    private static string Pixels(SkiaSharp.SKPath path)
    {
        using var bitmap = new SkiaSharp.SKBitmap(60, 40);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        using (var paint = new SkiaSharp.SKPaint { Color = SkiaSharp.SKColors.Black })
        {
            canvas.Clear(SkiaSharp.SKColors.White);
            canvas.Translate(5, 30);
            canvas.DrawPath(path, paint);
        }

        return string.Concat(Enumerable.Range(0, 40 * 60).Select(i => bitmap.GetPixel(i % 60, i / 60).Red < 128 ? '#' : '.'));
    }
}
