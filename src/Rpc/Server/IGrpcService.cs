namespace GongGrid.Rpc.Server;

/// <summary>A service implementation that can list its methods for the server to map.</summary>
public interface IGrpcService
{
    void Bind(ServiceBinder binder);
}
