using System.CommandLine;
using System.Globalization;

namespace GongGrid.Silo.Commands;

/// <summary>
/// Options whose text is checked as the command line is parsed: a wrong value is a usage error (exit code 2) that
/// names the option, the text given and what was expected, before anything starts.
/// </summary>
public static class CheckedOption
{
    public delegate bool TryParse<T>(string text, out T value);

    public static Option<T> Create<T>(string name, string description, string expected, TryParse<T> tryParse) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens[^1].Value;
            if (tryParse(text, out var value))
            {
                return value;
            }
            result.AddError($"{name} '{text}' is not {expected}.");
            return default!;
        },
    };

    /// <summary>A date such as 2026-11-22.</summary>
    public static Option<DateOnly?> Date(string name, string description) =>
        Create<DateOnly?>(name, description, "a date such as 2026-11-22", (string text, out DateOnly? value) =>
        {
            var valid = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
            value = valid ? date : null;
            return valid;
        });

    /// <summary>An instant such as 2026-11-22T21:55:00+07:00.</summary>
    public static Option<DateTimeOffset?> Instant(string name, string description) =>
        Create<DateTimeOffset?>(name, description, "a date and time such as 2026-11-22T21:55:00+07:00", (string text, out DateTimeOffset? value) =>
        {
            var valid = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant);
            value = valid ? instant : null;
            return valid;
        });

    public static Option<int> WholeNumber(string name, string description) =>
        Create(name, description, "a whole number", (string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value));

    /// <summary>How many times real time the grid's clock runs: at least 1.</summary>
    public static Option<double> Speed(string name, string description) =>
        Create(name, description, "a speed of at least 1 (times real time)", (string text, out double value) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value >= 1);
}
