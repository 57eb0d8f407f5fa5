using System.Globalization;
using GongGrid.Grains.Interfaces;

namespace GongGrid.Silo.Output;

/// <summary>Prints a night report as the district police read it: one line per commune, then what needs action.</summary>
public static class NightReportPrinter
{
    private const string Row = "{0,-22} {1,8} {2,8} {3,8} {4,6} {5,6} {6,11} {7,7} {8,8}";

    public static void Print(NightReport report, TimeZoneInfo zone, TextWriter output)
    {
        var summary = report.Summary;
        output.WriteLine();
        output.WriteLine($"Kẻng bình yên — {summary.Name}, night of {summary.Night:yyyy-MM-dd} ({(summary.IsFinal ? "final" : "still open")})");
        output.WriteLine(Row, "Commune (xã)", "Villages", "On time", "Speaker", "Late", "Early", "Incomplete", "Missed", "Pending");
        foreach (var commune in summary.Communes)
        {
            PrintCounts(output, commune.Name, commune.Counts);
        }
        PrintCounts(output, "District total", summary.Totals);
        var totals = summary.Totals;
        output.WriteLine($"On time (struck or played): {totals.OnTimeOrPlayed} of {totals.Villages} villages ({Percent(totals.OnTimeOrPlayed, totals.Villages)}).");
        PrintLateAndSilent(report, output);
        output.WriteLine();
        output.WriteLine($"Live alarms (báo động): {report.LiveAlarms.Count}");
        foreach (var alarm in report.LiveAlarms)
        {
            var raised = TimeZoneInfo.ConvertTime(alarm.RaisedAt, zone);
            output.WriteLine($"  {alarm.AlarmId}: {alarm.Kind.ToString().ToLowerInvariant()} ({alarm.Source}), raised {raised:HH:mm:ss}, {alarm.Status.ToString().ToLowerInvariant()}");
        }
        var devices = report.DevicesNeedingAttention;
        output.WriteLine($"Devices needing a visit: {devices.Count} (offline {devices.Count(device => !device.Online)}, damaged {devices.Count(device => device.Condition == DeviceCondition.Damaged)}, "
            + $"lost {devices.Count(device => device.Condition == DeviceCondition.Lost)}, low battery {devices.Count(device => device.BatteryPercent <= DeviceStatus.LowBatteryPercent)})");
        var gaps = report.Communes.SelectMany(commune => commune.CoverageGaps).ToList();
        output.WriteLine($"Coverage gaps: {gaps.Sum(village => village.Gaps.Count)} residential clusters in {gaps.Count} villages are out of earshot of every working gong (propose new gongs).");
        var paid = report.Allowances.SelectMany(village => village.Strikers).ToList();
        output.WriteLine($"Striker allowances for {summary.Night:yyyy-MM} so far: {paid.Sum(striker => striker.NightsStruck)} nights, {paid.Sum(striker => striker.AmountVnd).ToString("N0", CultureInfo.InvariantCulture)} VND.");
    }

    private static void PrintLateAndSilent(NightReport report, TextWriter output)
    {
        var notOnTime = report.Communes
            .SelectMany(commune => commune.Villages.Select(village => (Commune: commune.Name, Village: village)))
            .Where(line => line.Village.Outcome.Kind is NightOutcomeKind.Missed or NightOutcomeKind.Late or NightOutcomeKind.Incomplete)
            .ToList();
        var shown = notOnTime.Take(8).Select(line => $"{line.Village.Name} ({line.Commune}): {Describe(line.Village.Outcome)}");
        output.WriteLine($"Late, incomplete or silent: {notOnTime.Count}{(notOnTime.Count > 0 ? " — " + string.Join("; ", shown) : "")}{(notOnTime.Count > 8 ? "; …" : "")}");
    }

    private static string Describe(NightOutcome outcome) => outcome.Kind switch
    {
        NightOutcomeKind.Missed => "silent",
        NightOutcomeKind.Incomplete => $"{outcome.StrikeCount} strikes",
        _ => outcome.Kind.ToString().ToLowerInvariant(),
    };

    private static void PrintCounts(TextWriter output, string name, OutcomeCounts counts) =>
        output.WriteLine(Row, name.Length > 22 ? name[..22] : name, counts.Villages, counts.OnTime, counts.SpeakerPlayback, counts.Late, counts.Early,
            counts.Incomplete, counts.Missed, counts.Pending);

    private static string Percent(int part, int whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
