using System.Globalization;
using System.Numerics;

namespace Reports.Rendering;

/// <summary>
/// Numbers as the notebook's Python prints them, so every text that stands for a notebook text is its own, byte for
/// byte: <c>format(x, '.4f')</c>, <c>repr(x)</c> and NumPy's <c>np.round(x, n)</c>. .NET's formats differ at the
/// edges: custom formats such as "0.0000" round a 15-digit approximation, "F4" rounds an exact tie away from zero
/// where Python rounds it to even, and the shortest round-trip text is "7" and "1E-05" where Python writes "7.0"
/// and "1e-05".
/// </summary>
public static class PythonFormat
{
    /// <summary><c>format(x, '.{digits}f')</c>: the exact binary value rounded half to even, the sign kept ("-0.0000").</summary>
    public static string Fixed(double value, int digits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digits);
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var negative = bits < 0;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1; // subnormal
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075; // value = mantissa * 2^exponent
        var scaled = new BigInteger(mantissa) * BigInteger.Pow(10, digits);
        BigInteger units;
        if (exponent >= 0)
        {
            units = scaled << exponent;
        }
        else
        {
            var denominator = BigInteger.One << -exponent;
            units = BigInteger.DivRem(scaled, denominator, out var remainder);
            var twice = remainder * 2;
            if (twice > denominator || (twice == denominator && !units.IsEven))
            {
                units += 1;
            }
        }

        var text = units.ToString(CultureInfo.InvariantCulture).PadLeft(digits + 1, '0');
        var point = text.Length - digits;
        return (negative ? "-" : "") + (digits == 0 ? text : string.Concat(text.AsSpan(0, point), ".", text.AsSpan(point)));
    }

    /// <summary><c>repr(x)</c> (and NumPy's <c>str</c> of a float64): the shortest text that reads back as x, fixed from 1e-4 to below 1e16.</summary>
    internal static string Repr(double value)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        // "R" is the shortest round-trip text, as Python's; only its layout differs, so its digits are laid out again.
        var roundTrip = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var (digits, decimalExponent) = DigitsOf(roundTrip);
        var sign = value < 0 ? "-" : "";
        if (decimalExponent is >= -4 and < 16)
        {
            string body;
            if (decimalExponent < 0)
            {
                body = "0." + new string('0', -decimalExponent - 1) + digits;
            }
            else if (digits.Length <= decimalExponent + 1)
            {
                body = digits + new string('0', decimalExponent + 1 - digits.Length) + ".0";
            }
            else
            {
                body = string.Concat(digits.AsSpan(0, decimalExponent + 1), ".", digits.AsSpan(decimalExponent + 1));
            }

            return sign + body;
        }

        var mantissa = digits.Length == 1 ? digits : string.Concat(digits.AsSpan(0, 1), ".", digits.AsSpan(1));
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{mantissa}e{(decimalExponent < 0 ? '-' : '+')}{Math.Abs(decimalExponent):00}");
    }

    /// <summary>NumPy's <c>np.round(x, decimals)</c> for float64: x times 10^decimals, rounded half to even, divided back.</summary>
    internal static double NumpyRound(double value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        var factor = Math.Pow(10, decimals);
        return Math.Round(value * factor, MidpointRounding.ToEven) / factor;
    }

    /// <summary><c>str(np.round(x, decimals))</c>: how the notebook writes a heatmap cell's value ("7.2", "21.122", "7.0").</summary>
    internal static string RoundedRepr(double value, int decimals) => Repr(NumpyRound(value, decimals));

    /// <summary>The significant digits (no leading or trailing zeros) and the decimal exponent of the first, from .NET's round-trip text.</summary>
    private static (string Digits, int Exponent) DigitsOf(string roundTrip)
    {
        var e = roundTrip.IndexOfAny(['E', 'e']);
        var exponent = e < 0 ? 0 : int.Parse(roundTrip.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? roundTrip : roundTrip[..e];
        var point = mantissa.IndexOf('.');
        var integerPart = point < 0 ? mantissa : mantissa[..point];
        var all = integerPart + (point < 0 ? "" : mantissa[(point + 1)..]);
        var firstNonZero = all.IndexOfAnyExcept('0');
        var digits = all[firstNonZero..].TrimEnd('0');
        return (digits.Length == 0 ? "0" : digits, exponent + integerPart.Length - 1 - firstNonZero);
    }
}
