using System.Globalization;
using System.Text.RegularExpressions;

namespace GongGrid.Testing.Metrics;

/// <summary>One sample line of the Prometheus text format: its metric name, its labels and its value.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>
/// One scrape of a /metrics page in the Prometheus text format (0.0.4), parsed strictly: a line that is neither a
/// comment nor a sample fails the parse, so a page Prometheus would refuse fails the test that reads it.
/// </summary>
public sealed partial class PrometheusScrape
{
    private PrometheusScrape(string text, IReadOnlyList<PrometheusSample> samples, IReadOnlyDictionary<string, string> types)
    {
        Text = text;
        Samples = samples;
        Types = types;
    }

    public string Text { get; }

    public IReadOnlyList<PrometheusSample> Samples { get; }

    /// <summary>The type each metric family declares in its <c># TYPE</c> line.</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    public static PrometheusScrape Parse(string text)
    {
        var samples = new List<PrometheusSample>();
        var types = new Dictionary<string, string>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TypeLine().Match(line) is { Success: true } type)
            {
                types[type.Groups["name"].Value] = type.Groups["type"].Value;
                continue;
            }
            if (line.StartsWith('#'))
            {
                continue;
            }
            var sample = SampleLine().Match(line);
            if (!sample.Success)
            {
                throw new FormatException($"Not a Prometheus sample line: {line}");
            }
            var labels = LabelPair().Matches(sample.Groups["labels"].Value)
                .ToDictionary(pair => pair.Groups["key"].Value, pair => pair.Groups["value"].Value);
            samples.Add(new PrometheusSample(sample.Groups["name"].Value, labels, ParseValue(sample.Groups["value"].Value)));
        }
        return new PrometheusScrape(text, samples, types);
    }

    /// <summary>The sum of the samples named <paramref name="name"/> that carry every label given (0 when none does).</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) =>
        Matching(name, labels).Sum(sample => sample.Value);

    public bool Has(string name) => Samples.Any(sample => sample.Name == name);

    public IEnumerable<PrometheusSample> Matching(string name, params (string Key, string Value)[] labels) =>
        Samples.Where(sample => sample.Name == name && labels.All(label => sample.Labels.TryGetValue(label.Key, out var value) && value == label.Value));

    private static double ParseValue(string value) => value switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"^# TYPE (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<type>counter|gauge|histogram|summary|untyped)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>([a-zA-Z_][a-zA-Z0-9_]*=""([^""\\]|\\.)*"",?)*)\})? (?<value>\S+)( -?\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>([^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
