using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Roster;

/// <summary>Reads one commune (xã): its officer, its overrides of the district settings, and its villages.</summary>
internal static class CommuneReader
{
    public static ItemShape<CommuneRoster> Shape(SignalSettings district) => new(
        "a commune", "commune slug", ["slug", "name", "officer", "overrides", "villages"], c => Read(c, district), c => c.Slug);

    private static CommuneRoster Read(RosterObject c, SignalSettings district) => new(
        c.Slug("slug"),
        c.Text("name"),
        CommonFields.Officer(c),
        SettingsReader.ReadOverrides(c, district),
        RosterItems.Read(c, "villages", required: true, VillageReader.Shape, "a commune needs at least one village") ?? []);
}
