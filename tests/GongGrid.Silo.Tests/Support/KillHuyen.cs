using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Roster;
using GongGrid.Simulator;
using GongGrid.Testing;

namespace GongGrid.Silo.Tests.Support;

/// <summary>
/// The district the silo process tests import: 3 communes of 5 villages, generated (seed 1), so it has the
/// ordinary mix of gong and speaker villages and a few damaged or lost devices.
/// </summary>
public static class KillHuyen
{
    public const string Key = "kill-huyen";
    public const string Night = "2026-11-22";

    /// <summary>Half an hour before the on-time window opens, the grid clock for an import.</summary>
    public const string ImportClock = "2026-11-22T21:30:00+07:00";

    /// <summary>The grid clock an ingest starts at: device times a few seconds to a minute ahead are "now".</summary>
    public const string IngestClock = "2026-11-22T22:00:00+07:00";

    /// <summary>After every round in the test files, before the window closes at 23:00: outcomes are provisional.</summary>
    public const string ReportClock = "2026-11-22T22:10:00+07:00";

    public static readonly DateTimeOffset PeaceAt = new(2026, 11, 22, 22, 0, 0, TimeSpan.FromHours(7));

    public static DistrictRoster Roster { get; } =
        SyntheticDistrict.Create(Key, "Huyện Thử", communes: 3, minVillagesPerCommune: 5, maxVillagesPerCommune: 5, seed: 1);

    /// <summary>Each village's first gong that is not lost (villages with none are left out), in roster order.</summary>
    public static IReadOnlyList<VillageGong> Gongs { get; } =
        [.. from commune in Roster.Communes
            from village in commune.Villages
            let gong = village.Devices.FirstOrDefault(device => device.Kind == DeviceKind.Gong && device.Condition != DeviceCondition.Lost)
            where gong is not null
            let villageKey = $"{Key}/{commune.Slug}/{village.Slug}"
            select new VillageGong(villageKey, $"{villageKey}/{gong.Slug}")];

    /// <summary>The first device of a kind in the roster (for events from the wrong kind of device).</summary>
    public static string FirstDevice(DeviceKind kind) =>
        (from commune in Roster.Communes
         from village in commune.Villages
         from device in village.Devices
         where device.Kind == kind
         select $"{Key}/{commune.Slug}/{village.Slug}/{device.Slug}").First();

    /// <summary>Imports the roster into the scratch directory's data directory; fails the test if the import fails.</summary>
    public static async Task ImportAsync(ScratchDirectory scratch)
    {
        var import = await SiloProcess.RunAsync(scratch.Path, "import", scratch.Write("roster.json", RosterJsonWriter.Write(Roster)), "--data", scratch.Data, "--clock", ImportClock);
        Assert.True(import.ExitCode == 0, $"import failed: {import}");
    }

    public static Task<SiloRun> ReportAsync(ScratchDirectory scratch) =>
        SiloProcess.RunAsync(scratch.Path, "report", Key, "--data", scratch.Data, "--night", Night, "--json", "--clock", ReportClock);
}

/// <summary>A village and the gong whose strikes the tests send.</summary>
public sealed record VillageGong(string VillageKey, string DeviceKey);
