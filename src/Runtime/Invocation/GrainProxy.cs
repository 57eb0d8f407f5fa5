using System.Reflection;
using GongGrid.Runtime.Hosting;

namespace GongGrid.Runtime.Invocation;

/// <summary>The object behind a grain reference: every interface call becomes a turn on the grain's activation.</summary>
public class GrainProxy : DispatchProxy
{
    private GrainRuntime? _runtime;

    /// <summary>The grain this reference points at.</summary>
    public GrainId GrainId { get; private set; }

    internal void Bind(GrainId grainId, GrainRuntime runtime)
    {
        GrainId = grainId;
        _runtime = runtime;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        MethodDispatcher.For(targetMethod!).Dispatch(_runtime!, GrainId, args ?? []);

    public override string ToString() => $"GrainReference({GrainId})";
}
