using GongGrid.Api.V1;
using Grpc.Net.Client;

namespace GongGrid.EdgeBridge.Uplink;

/// <summary>
/// The silos a bridge may stream to, one at a time: a channel to each, and which one is current. When the stream to
/// the current silo breaks (killed, stopping, frozen past the keep-alive), the uplink moves on to the next.
/// </summary>
public sealed class GridSilos : IDisposable
{
    private readonly IReadOnlyList<string> _addresses;
    private readonly GrpcChannel[] _channels;
    private int _current;

    public GridSilos(UplinkOptions options)
    {
        _addresses = options.SiloAddresses;
        if (_addresses.Count == 0 || _addresses.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidOperationException("GongGrid:Bridge:Grid:Addresses names an empty silo address; give each silo's gRPC address, such as http://127.0.0.1:50051.");
        }
        _channels = [.. _addresses.Select(address => GridChannel.Open(address, options))];
    }

    public int Count => _addresses.Count;

    public string Address => _addresses[_current];

    public IngestService.IngestServiceClient Client => new(_channels[_current]);

    /// <summary>Makes the next silo current, round the list.</summary>
    public void MoveOn() => _current = (_current + 1) % _addresses.Count;

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }
}
