namespace GongGrid.Runtime.Tests.TestGrains;

[GrainType("relay")]
public sealed class RelayGrain : Grain, IRelayGrain
{
    public async Task<string> RelayAsync(string[] ring, int hops)
    {
        if (hops == 0)
        {
            return GetPrimaryKeyString();
        }
        var next = ring[(Array.IndexOf(ring, GetPrimaryKeyString()) + 1) % ring.Length];
        // A real await first, so the turn is genuinely in flight when the next hop arrives.
        await Task.Yield();
        return await GrainFactory.GetGrain<IRelayGrain>(next).RelayAsync(ring, hops - 1);
    }
}
