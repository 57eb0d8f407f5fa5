using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Roster;

/// <summary>Reads one village (thôn, làng, xóm) and checks it can give the peace signal it declares.</summary>
internal static class VillageReader
{
    public const int MaxHouseholds = 100_000;

    public static readonly ItemShape<VillageRoster> Shape = new(
        "a village",
        "village slug",
        ["slug", "name", "location", "households", "peaceSignal", "officer", "devices", "clusters", "strikers"],
        Read,
        v => v.Slug);

    private static VillageRoster Read(RosterObject v)
    {
        var slug = v.Slug("slug");
        var name = v.Text("name");
        var location = CommonFields.Location(v);
        var households = (int)v.Integer("households", 0, MaxHouseholds);
        var peaceSignal = v.Has("peaceSignal") ? v.Choice("peaceSignal", RosterEnums.PeaceSignals) : PeaceSignalSource.Gong;
        var officer = CommonFields.Officer(v);
        var devices = RosterItems.Read(v, "devices", required: true, VillagePartsReader.Devices);
        var clusters = RosterItems.Read(v, "clusters", required: false, VillagePartsReader.Clusters) ?? [];
        var strikers = RosterItems.Read(v, "strikers", required: false, VillagePartsReader.Strikers) ?? [];
        if (devices is not null)
        {
            CheckPeaceSignalDevice(v, peaceSignal, devices);
        }

        return new VillageRoster(slug, name, location, households, peaceSignal, officer, devices ?? [], clusters, strikers);
    }

    private static void CheckPeaceSignalDevice(RosterObject v, PeaceSignalSource peaceSignal, IReadOnlyList<DeviceRoster> devices)
    {
        var (needed, word) = peaceSignal == PeaceSignalSource.Speaker ? (DeviceKind.Speaker, "speaker") : (DeviceKind.Gong, "gong");
        if (devices.Any(d => d.Kind == needed))
        {
            return;
        }

        var path = v.Has("peaceSignal") ? v.PathOf("peaceSignal") : v.PathOf("devices");
        v.Errors.AtValue(path,
            $"the village gives the peace signal by {word} but lists no {word} device; add a device with kind \"{word}\" (lost or damaged ones count) or change peaceSignal");
    }
}
