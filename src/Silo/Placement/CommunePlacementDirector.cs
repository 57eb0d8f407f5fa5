using System.IO.Hashing;
using System.Text;
using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Placement;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Placement;

namespace GongGrid.Silo.Placement;

/// <summary>
/// Chooses the silo of a grain's commune by rendezvous hashing: each compatible silo scores the commune key, the
/// highest score wins. Every silo computes the same choice from the same membership, and when a silo joins or
/// leaves only the communes it wins or held move, not the whole district.
/// </summary>
public sealed class CommunePlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        var commune = CommuneOf(target.GrainIdentity.Key.ToString()!);
        return Task.FromResult(silos.MaxBy(silo => Score(commune, silo))!);
    }

    /// <summary>"district/commune" of a key with at least two segments; a district key places by itself.</summary>
    private static string CommuneOf(string key) => GrainKeys.Depth(key) >= 2 ? string.Join('/', key.Split('/', 3).Take(2)) : key;

    private static ulong Score(string commune, SiloAddress silo) =>
        XxHash64.HashToUInt64(Encoding.UTF8.GetBytes($"{commune}@{silo.ToParsableString()}"));
}

/// <summary>Registers the commune placement with the silo.</summary>
public static class CommunePlacementRegistration
{
    /// <summary>
    /// GongGrid:Placement: "commune" (the default) places a commune's grains on one silo; "default" leaves them to
    /// Orleans's default placement, for measuring the difference.
    /// </summary>
    public static IServiceCollection AddCommunePlacement(this IServiceCollection services, string placement)
    {
        services.AddPlacementDirector<CommunePlacement, CommunePlacementDirector>();
        return placement.ToLowerInvariant() switch
        {
            "commune" => services,
            "default" => services.AddSingleton<IPlacementStrategyResolver, OrleansDefaultPlacement>(),
            _ => throw new ArgumentException($"Unknown placement '{placement}' (GongGrid:Placement); use commune or default.", nameof(placement)),
        };
    }
}
