using System.Reflection;
using GongGrid.Runtime.Activation;
using GongGrid.Runtime.Hosting;

namespace GongGrid.Runtime.Invocation;

/// <summary>The object behind a grain reference: every interface call becomes a turn on the grain's activation.</summary>
public class GrainProxy : DispatchProxy
{
    private GrainRuntime? _runtime;
    private GrainActivation? _activation;

    /// <summary>The grain this reference points at.</summary>
    public GrainId GrainId { get; private set; }

    internal GrainRuntime Runtime => _runtime ?? throw new InvalidOperationException("The grain reference is not bound.");

    internal void Bind(GrainId grainId, GrainRuntime runtime)
    {
        GrainId = grainId;
        _runtime = runtime;
    }

    /// <summary>
    /// The grain's activation. A reference remembers it, so repeated calls skip the directory; once it is deactivated
    /// the next call looks the grain up again (work that reached it late is redirected by the activation itself).
    /// </summary>
    internal GrainActivation Activation()
    {
        var activation = _activation;
        if (activation is null || activation.IsDeactivated)
        {
            _activation = activation = Runtime.Directory.GetOrCreate(GrainId);
        }
        return activation;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        MethodDispatcher.For(targetMethod!).Dispatch(this, args ?? []);

    public override string ToString() => $"GrainReference({GrainId})";
}
