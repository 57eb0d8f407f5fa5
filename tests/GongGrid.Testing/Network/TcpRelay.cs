using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace GongGrid.Testing.Network;

/// <summary>
/// A loopback TCP relay in front of a server, so a test can cut every link at once without the client's
/// cooperation: to the broker it looks exactly like a device that lost power or network.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly ConcurrentDictionary<int, (Socket Client, Socket Server)> _links = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _nextLink;
    private volatile bool _frozen;

    private TcpRelay(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int OpenLinks => _links.Count;

    public static TcpRelay Start(string targetHost, int targetPort) => new(targetHost, targetPort);

    /// <summary>
    /// From now on passes nothing either way and closes nothing: a peer that lost power behind a NAT. Only keep-alive
    /// timers on either side can notice.
    /// </summary>
    public void Freeze() => _frozen = true;

    /// <summary>Closes both sides of every open link at once.</summary>
    public void CutAll()
    {
        foreach (var (id, link) in _links)
        {
            if (_links.TryRemove(id, out _))
            {
                link.Client.Dispose();
                link.Server.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        CutAll();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptSocketAsync(_stop.Token);
            var server = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            client.NoDelay = true;
            try
            {
                await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            }
            catch (SocketException)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }
            var id = Interlocked.Increment(ref _nextLink);
            _links[id] = (client, server);
            _ = PumpAsync(id, client, server);
            _ = PumpAsync(id, server, client);
        }
    }

    private async Task PumpAsync(int id, Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                {
                    break;
                }
                if (!_frozen)
                {
                    await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The other direction or CutAll closed the link.
        }
        if (_links.TryRemove(id, out var link))
        {
            link.Client.Dispose();
            link.Server.Dispose();
        }
    }
}
