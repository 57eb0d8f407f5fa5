using System.Text;

namespace GongGrid.Grains.Interfaces.Roster;

/// <summary>
/// ASCII slugs for places and devices (e.g. "Thôn Làng Mới" → "thon-lang-moi"): lowercase letters and digits
/// in groups joined by single hyphens.
/// </summary>
public static class Slug
{
    /// <summary>
    /// The longest slug: 63 characters, as a DNS label, so a device key (four slugs) stays under 256 characters in
    /// an MQTT topic, a log line or a report.
    /// </summary>
    public const int MaxLength = 63;

    // Precomposed Vietnamese letters and their plain base letter. Decomposed input (base letter followed by
    // combining marks, as some keyboards type it) is handled by skipping the marks. A table rather than
    // string.Normalize keeps this independent of ICU, which containers often run without.
    private static readonly Dictionary<char, char> BaseLetters = BuildBaseLetters(
        ("àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'a'),
        ("đĐ", 'd'),
        ("èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ", 'e'),
        ("ìíỉĩịÌÍỈĨỊ", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'o'),
        ("ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ", 'u'),
        ("ỳýỷỹỵỲÝỶỸỴ", 'y'));

    /// <summary>
    /// Derives a slug from a Vietnamese name: diacritics removed (đ → d), lowercased, every run of other
    /// characters turned into one hyphen. Returns an empty string when the name has no letter or digit.
    /// </summary>
    public static string FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slug = new StringBuilder(name.Length);
        var pendingHyphen = false;
        foreach (var c in name)
        {
            if (IsCombiningMark(c))
            {
                continue;
            }

            var letter = ToAsciiLetterOrDigit(c);
            if (letter is null)
            {
                pendingHyphen = slug.Length > 0;
                continue;
            }

            if (pendingHyphen)
            {
                slug.Append('-');
                pendingHyphen = false;
            }

            slug.Append(letter.Value);
        }

        return slug.ToString();
    }

    /// <summary>True when <paramref name="slug"/> matches <c>^[a-z0-9]+(-[a-z0-9]+)*$</c> and has at most <see cref="MaxLength"/> characters.</summary>
    public static bool IsValid(string? slug)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > MaxLength || slug[0] == '-' || slug[^1] == '-')
        {
            return false;
        }

        for (var i = 0; i < slug.Length; i++)
        {
            var c = slug[i];
            var ok = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || (c == '-' && slug[i - 1] != '-');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static char? ToAsciiLetterOrDigit(char c)
    {
        if (char.IsAsciiLetterOrDigit(c))
        {
            return char.ToLowerInvariant(c);
        }

        return BaseLetters.TryGetValue(c, out var plain) ? plain : null;
    }

    private static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036F';

    private static Dictionary<char, char> BuildBaseLetters(params (string Letters, char Base)[] groups)
    {
        var map = new Dictionary<char, char>();
        foreach (var (letters, plain) in groups)
        {
            foreach (var letter in letters)
            {
                map.Add(letter, plain);
            }
        }

        return map;
    }
}
