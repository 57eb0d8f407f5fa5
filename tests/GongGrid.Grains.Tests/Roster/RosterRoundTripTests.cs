using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Roster;
using GongGrid.Simulator;

namespace GongGrid.Grains.Tests.Roster;

public sealed class RosterRoundTripTests
{
    [Fact]
    public void Written_roster_reads_back_equal_field_by_field()
    {
        var original = SyntheticDistrict.Create("ba-thuoc", "Bá Thước", communes: 6, 3, 9, seed: 7);

        var read = RosterReader.Read(RosterJsonWriter.Write(original), "ba-thuoc.roster.json").GetRosterOrThrow();

        RosterAssert.Equal(original, read);
    }

    [Fact]
    public void Settings_and_overrides_that_differ_from_the_defaults_survive_a_round_trip()
    {
        var generated = SyntheticDistrict.Create("lao-cai", "Lào Cai", communes: 2, 1, 2, seed: 3);
        var settings = new SignalSettings
        {
            TimeZone = "Asia/Bangkok",
            PeaceTime = new TimeOnly(21, 0),
            PeaceStrikes = 5,
            AlarmStrikeMaxGap = TimeSpan.FromMilliseconds(800),
            RoundMaxGap = TimeSpan.FromSeconds(90),
            AudibleRadiusMeters = 650.5,
        };
        var overrides = new SignalSettingsOverride { PeaceTime = new TimeOnly(22, 30), OnTimeAfter = TimeSpan.FromMinutes(10), AudibleRadiusMeters = 500 };
        var original = generated with { Settings = settings, Communes = [generated.Communes[0] with { Overrides = overrides }, generated.Communes[1]] };

        var read = RosterReader.Read(RosterJsonWriter.Write(original), "lao-cai.roster.json").GetRosterOrThrow();

        RosterAssert.Equal(original, read);
    }
}
