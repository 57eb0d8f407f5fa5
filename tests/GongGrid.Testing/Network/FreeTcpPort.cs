using System.Net;
using System.Net.Sockets;

namespace GongGrid.Testing.Network;

/// <summary>
/// A loopback port free at the moment of asking, for a server that must come back on the same port after a
/// restart (so its clients keep their address). Another process could take it in between; tests accept that.
/// </summary>
public static class FreeTcpPort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
