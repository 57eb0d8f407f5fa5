using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Placement;

namespace GongGrid.Grains.Bridges;

/// <summary>
/// The routes to a commune's villages' edge bridges, in memory: an ingest stream is a connection to one silo, worth
/// nothing once that silo or the stream is gone, so nothing is persisted. A route whose silo the membership no longer
/// counts as active is dropped when asked for, so a command never goes to a dead silo and vanishes there; when this
/// grain is activated anew (its own silo died), the bridges' silos restore their routes within half a minute.
/// </summary>
[GrainType("bridge-routes"), CommunePlacement]
public sealed class BridgeRoutesGrain(IClusterMembershipService membership) : Grain, IBridgeRoutesGrain
{
    private readonly Dictionary<string, Route> _byVillage = [];

    public Task ConnectAsync(IBridgeLink link, SiloAddress silo, IReadOnlyList<string> villageKeys)
    {
        foreach (var village in villageKeys)
        {
            _byVillage[village] = new Route(link, silo);
        }
        return Task.CompletedTask;
    }

    public Task KeepAsync(IBridgeLink link, SiloAddress silo, IReadOnlyList<string> villageKeys)
    {
        foreach (var village in villageKeys)
        {
            _byVillage.TryAdd(village, new Route(link, silo));
        }
        return Task.CompletedTask;
    }

    public Task DisconnectAsync(IBridgeLink link)
    {
        var id = link.GetGrainId();
        Forget(route => route.Link.GetGrainId() == id);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, IBridgeLink>> GetLinksAsync()
    {
        var snapshot = membership.CurrentSnapshot;
        Forget(route => snapshot.GetSiloStatus(route.Silo) != SiloStatus.Active);
        return Task.FromResult<IReadOnlyDictionary<string, IBridgeLink>>(_byVillage.ToDictionary(route => route.Key, route => route.Value.Link));
    }

    private void Forget(Func<Route, bool> gone)
    {
        foreach (var village in _byVillage.Where(route => gone(route.Value)).Select(route => route.Key).ToList())
        {
            _byVillage.Remove(village);
        }
    }

    private sealed record Route(IBridgeLink Link, SiloAddress Silo);
}
