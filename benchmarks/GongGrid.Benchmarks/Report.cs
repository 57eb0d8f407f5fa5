using System.Globalization;

namespace GongGrid.Benchmarks;

/// <summary>Medians and aligned printing shared by every scenario.</summary>
internal static class Report
{
    public static double Median(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static void Heading(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"== {title} ({Environment.ProcessorCount} cores, .NET {Environment.Version}) ==");
    }

    /// <summary>One figure: the median, then the individual runs so the spread is visible.</summary>
    public static void Figure(string label, double median, string unit, IEnumerable<double>? runs = null)
    {
        var spread = runs is null ? "" : $"   runs: {string.Join(" ", runs.Select(Format))}";
        Console.WriteLine($"  {label,-52} {Format(median),14} {unit}{spread}");
    }

    private static string Format(double value) => value.ToString(value >= 100 ? "N0" : "N1", CultureInfo.InvariantCulture);
}
