using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Roster;

/// <summary>Reads what a village lists: devices, residential clusters and strikers.</summary>
internal static class VillagePartsReader
{
    /// <summary>Allowance above this per night is taken for a typo (an extra zero), not a payment.</summary>
    public const long MaxNightlyAllowanceVnd = 10_000_000;

    public static readonly ItemShape<DeviceRoster> Devices = new(
        "a device", "device slug", ["slug", "kind", "location", "place", "condition"], ReadDevice, d => d.Slug);

    public static readonly ItemShape<ClusterRoster> Clusters = new(
        "a residential cluster", "cluster slug", ["slug", "name", "location", "households"], ReadCluster, c => c.Slug);

    public static readonly ItemShape<StrikerRoster> Strikers = new(
        "a striker", "striker id", ["id", "name", "nightlyAllowanceVnd"], ReadStriker, s => s.Id);

    private static DeviceRoster ReadDevice(RosterObject o) => new(
        o.Slug("slug"),
        o.Choice("kind", RosterEnums.DeviceKinds),
        CommonFields.Location(o),
        o.Text("place"),
        o.Choice("condition", RosterEnums.DeviceConditions));

    private static ClusterRoster ReadCluster(RosterObject o) =>
        new(o.Slug("slug"), o.Text("name"), CommonFields.Location(o), (int)o.Integer("households", 0, VillageReader.MaxHouseholds));

    private static StrikerRoster ReadStriker(RosterObject o) =>
        new(o.Slug("id"), o.Text("name"), o.Integer("nightlyAllowanceVnd", 0, MaxNightlyAllowanceVnd));
}
