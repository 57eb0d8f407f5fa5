using System.Diagnostics.CodeAnalysis;
using GongGrid.Grains.Placement;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.Runtime.Placement;

namespace GongGrid.Silo.Placement;

/// <summary>
/// GongGrid:Placement = "default": the grains marked [CommunePlacement] are placed by Orleans's default strategy
/// instead, as if they were not marked, so a benchmark can measure what commune placement saves. Every silo of a
/// cluster must say the same: the silo that makes a call chooses where its target is activated.
/// </summary>
public sealed class OrleansDefaultPlacement(IServiceProvider services) : IPlacementStrategyResolver
{
    private readonly Lazy<PlacementStrategy> _default = new(services.GetRequiredService<PlacementStrategy>);

    public bool TryResolvePlacementStrategy(GrainType grainType, GrainProperties? properties, [MaybeNullWhen(false)] out PlacementStrategy result)
    {
        var communePlaced = properties is not null
            && properties.Properties.TryGetValue(WellKnownGrainTypeProperties.PlacementStrategy, out var strategy)
            && strategy == nameof(CommunePlacement);
        result = communePlaced ? _default.Value : null;
        return communePlaced;
    }
}
