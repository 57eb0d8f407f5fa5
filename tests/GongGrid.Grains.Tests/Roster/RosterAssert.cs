using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Tests.Roster;

/// <summary>
/// Compares rosters by value. Records compare list members by reference, so each level is compared with its
/// lists swapped for one shared empty list, then the lists item by item.
/// </summary>
internal static class RosterAssert
{
    public static void Equal(DistrictRoster expected, DistrictRoster actual)
    {
        Assert.Equal(expected with { Communes = [] }, actual with { Communes = [] });
        Assert.Equal(expected.Communes.Count, actual.Communes.Count);
        foreach (var (e, a) in expected.Communes.Zip(actual.Communes))
        {
            Assert.Equal(e with { Villages = [] }, a with { Villages = [] });
            Assert.Equal(e.Villages.Count, a.Villages.Count);
            foreach (var (ev, av) in e.Villages.Zip(a.Villages))
            {
                Assert.Equal(WithoutLists(ev), WithoutLists(av));
                Assert.Equal(ev.Devices, av.Devices);
                Assert.Equal(ev.Clusters, av.Clusters);
                Assert.Equal(ev.Strikers, av.Strikers);
            }
        }
    }

    private static VillageRoster WithoutLists(VillageRoster village) =>
        village with { Devices = [], Clusters = [], Strikers = [] };
}
