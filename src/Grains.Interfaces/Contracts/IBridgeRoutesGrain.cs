using Orleans.Runtime;

namespace GongGrid.Grains.Interfaces;

/// <summary>
/// Which edge bridge carries commands to each village of a commune, keyed "district/commune": the silo holding a
/// bridge's ingest stream registers it here, so a command asked of any silo finds its way. Routes live in memory
/// only; they are connections, and bridges renew them while connected.
/// </summary>
[Alias("gonggrid.IBridgeRoutesGrain")]
public interface IBridgeRoutesGrain : IGrainWithStringKey
{
    /// <summary>A bridge's stream opened on <paramref name="silo"/>: it now carries these villages' commands, replacing any earlier stream.</summary>
    Task ConnectAsync(IBridgeLink link, SiloAddress silo, IReadOnlyList<string> villageKeys);

    /// <summary>The stream is still open: restores its routes this grain no longer holds (it was activated anew), taking none from a newer stream.</summary>
    Task KeepAsync(IBridgeLink link, SiloAddress silo, IReadOnlyList<string> villageKeys);

    /// <summary>The stream closed, or a command could not reach it: its villages have no route until a bridge connects.</summary>
    Task DisconnectAsync(IBridgeLink link);

    /// <summary>The stream serving each village that has one on a silo the cluster counts as alive.</summary>
    Task<IReadOnlyDictionary<string, IBridgeLink>> GetLinksAsync();
}
