using System.Globalization;

namespace Reports.DataGen;

/// <summary>How Python's writers spell a float, digit for digit.</summary>
internal static class PythonFloat
{
    /// <summary>
    /// <c>repr(value)</c>, which <c>json.dumps</c> writes: the shortest digits that read back to the same double, in
    /// fixed notation with at least one decimal when the decimal exponent is in [-4, 16), otherwise as <c>1.5e-07</c>.
    /// </summary>
    public static string Repr(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "json.dumps writes NaN and Infinity, which are not JSON");
        }

        // .NET's "R" is the shortest round-trip form too; only the layout differs.
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var sign = double.IsNegative(value) ? "-" : "";
        var e = shortest.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e < 0 ? shortest : shortest[..e];
        var exponent = e < 0 ? 0 : int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var pointAt = (point < 0 ? mantissa.Length : point) + exponent; // digits before the decimal point
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.TrimStart('0');
        pointAt -= leadingZeros;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return sign + "0.0";
        }

        var scientific = pointAt - 1; // value = d.ddd x 10^scientific
        if (scientific is >= -4 and < 16)
        {
            if (pointAt <= 0)
            {
                return sign + "0." + new string('0', -pointAt) + digits;
            }

            if (pointAt >= digits.Length)
            {
                return sign + digits + new string('0', pointAt - digits.Length) + ".0";
            }

            return sign + digits[..pointAt] + "." + digits[pointAt..];
        }

        var head = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{head}e{(scientific < 0 ? '-' : '+')}{Math.Abs(scientific):00}");
    }

    /// <summary>
    /// pandas' <c>to_json</c> (its ujson, <c>double_precision=10</c>): the whole part, then the fraction times 10^10
    /// rounded half to odd-or-zero, trailing zeros dropped; below 1e-15 or above 1e16 C's <c>%.10g</c>. Negative zero is "0.0".
    /// </summary>
    public static string Pandas(double value)
    {
        const int Precision = 10;
        const double Pow10 = 1e10;
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "pandas refuses to write NaN or Infinity as JSON numbers");
        }

        var negative = value < 0;
        if (negative)
        {
            value = -value;
        }

        if (value > 1e16 - 1 || (value != 0 && value < 1e-15))
        {
            return (negative ? "-" : "") + PercentG(value, Precision);
        }

        var whole = (ulong)value;
        var scaled = (value - whole) * Pow10;
        var fraction = (ulong)scaled;
        var rest = scaled - fraction;
        if (rest > 0.5 || (rest == 0.5 && (fraction == 0 || (fraction & 1) == 1)))
        {
            fraction++;
        }

        if (fraction >= Pow10)
        {
            fraction = 0;
            whole++;
        }

        string fractionText;
        if (fraction == 0)
        {
            fractionText = "0";
        }
        else
        {
            fractionText = fraction.ToString(CultureInfo.InvariantCulture).PadLeft(Precision, '0').TrimEnd('0');
        }

        return (negative ? "-" : "") + whole.ToString(CultureInfo.InvariantCulture) + "." + fractionText;
    }

    /// <summary>C's <c>%.Pg</c>: P significant digits, fixed or exponent form by the exponent, trailing zeros dropped.</summary>
    private static string PercentG(double value, int precision)
    {
        var scientific = value.ToString("E" + (precision - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var e = scientific.IndexOf('E', StringComparison.Ordinal);
        var exponent = int.Parse(scientific[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (exponent >= -4 && exponent < precision)
        {
            var fixedText = value.ToString("F" + (precision - 1 - exponent).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            return fixedText.Contains('.', StringComparison.Ordinal) ? fixedText.TrimEnd('0').TrimEnd('.') : fixedText;
        }

        var mantissa = scientific[..e];
        if (mantissa.Contains('.', StringComparison.Ordinal))
        {
            mantissa = mantissa.TrimEnd('0').TrimEnd('.');
        }

        return string.Create(CultureInfo.InvariantCulture, $"{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}");
    }
}
