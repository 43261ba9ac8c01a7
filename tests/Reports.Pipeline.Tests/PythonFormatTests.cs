using System.Globalization;
using System.Text;
using Reports.Rendering;

namespace Reports.Pipeline.Tests;

/// <summary>The notebook's number texts, against Python and NumPy themselves on the same doubles (sent as their bits).</summary>
public sealed class PythonFormatTests
{
    [Fact]
    public void Fixed_repr_and_numpy_round_agree_with_python_on_halfway_tiny_huge_and_random_doubles()
    {
        var random = new Random(7);
        var values = new List<double>
        {
            2.6745, 0.0005, 0.00005, 1.0 / 32, 3.0 / 32, -1.0 / 32, 3.7394499999999997, 3.5599499999999997, 7.19985, 7.10295, 3.31425,
            0, -0.0, -0.00001, 7, 7.2, 21.122, 1e-5, 1.5e-5, 0.0001, 1e15, 1e16, 9999999999999998, 1.2345678901234567e20, 5e-324,
            double.MaxValue, -double.MaxValue, 0.1, 0.2, 0.30000000000000004, 123.4565, 2.5, 3.5, 0.0015, 0.0025, 1e300, -1e-300,
        };
        for (var i = 0; i < 2000; i++)
        {
            values.Add(Math.Round((random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-6, 8)), random.Next(0, 9)));
            values.Add(BitConverter.Int64BitsToDouble(random.NextInt64()) is var any && double.IsFinite(any) ? any : 1.0);
            values.Add(random.Next(0, 100000) / 10000.0 + 0.00005); // near a tie at four decimals
        }

        var bits = string.Join('\n', values.Select(v => BitConverter.DoubleToInt64Bits(v).ToString(CultureInfo.InvariantCulture)));
        var python = Encoding.UTF8.GetString(PythonScript.Run("""
            import struct, sys
            import numpy as np
            for line in open(sys.argv[1]).read().split():
                x = struct.unpack('<d', struct.pack('<q', int(line)))[0]
                print(format(x, '.4f'), format(x, '.3f'), repr(x), str(np.round(np.float64(x), 3)), sep='\t')
            """, WriteTemporary(bits))).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(values.Count, python.Length);
        for (var i = 0; i < values.Count; i++)
        {
            var x = values[i];
            var ours = string.Join('\t', PythonFormat.Fixed(x, 4), PythonFormat.Fixed(x, 3), PythonFormat.Repr(x), PythonFormat.Repr(PythonFormat.NumpyRound(x, 3)));
            Assert.True(python[i] == ours, $"{x:R}: Python {python[i]}, ours {ours}");
        }
    }

    private static string WriteTemporary(string text)
    {
        var path = Path.Combine(TestData.NewTemporaryDirectory(), "values.txt");
        File.WriteAllText(path, text);
        return path;
    }
}
