using GongGrid.Runtime;

namespace GongGrid.Runtime.Tests.TestGrains;

/// <summary>Forwards a call around a ring of relays; a ring that comes back to a busy relay is a call cycle.</summary>
public interface IRelayGrain : IGrainWithStringKey
{
    /// <summary>Calls the next relay in <paramref name="ring"/> until the hops run out.</summary>
    Task<string> RelayAsync(string[] ring, int hops);
}
