using System.Collections.Concurrent;

namespace GongGrid.Grains.Interfaces;

/// <summary>
/// Grain references by string key without Orleans's per-call type lookup: <c>GetGrain&lt;T&gt;(string)</c> asks
/// every grain interface type provider about <c>T</c> on each call, reading its attributes and formatting its name
/// by reflection (about 2 KB allocated per call, several calls per device event). The grain type and interface
/// type of each interface are resolved once here, through Orleans's own resolution, then reused.
/// </summary>
public static class GrainReferences
{
    private static readonly ConcurrentDictionary<Type, (GrainType Grain, GrainInterfaceType Interface)> Resolved = new();

    public static TGrain Get<TGrain>(this IGrainFactory grains, string key) where TGrain : IGrainWithStringKey
    {
        var (grainType, interfaceType) = Resolved.GetOrAdd(typeof(TGrain), static (_, grains) => Resolve(grains), grains);
        return (TGrain)grains.GetGrain(GrainId.Create(grainType, key), interfaceType);

        static (GrainType, GrainInterfaceType) Resolve(IGrainFactory grains)
        {
            var sample = (GrainReference)(object)grains.GetGrain<TGrain>("resolve");
            return (sample.GrainId.Type, sample.InterfaceType);
        }
    }
}
