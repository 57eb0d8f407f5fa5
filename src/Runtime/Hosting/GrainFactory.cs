using System.Reflection;
using GongGrid.Runtime.Invocation;

namespace GongGrid.Runtime.Hosting;

internal sealed class GrainFactory(GrainRuntime runtime) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var reference = DispatchProxy.Create<TGrainInterface, GrainProxy>();
        ((GrainProxy)(object)reference).Bind(new GrainId(runtime.Registry.TypeNameOf(typeof(TGrainInterface)), key), runtime);
        return reference;
    }
}
