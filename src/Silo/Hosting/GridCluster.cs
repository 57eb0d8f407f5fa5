using System.Net;
using System.Net.Sockets;
using GongGrid.Storage.Hosting;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;

namespace GongGrid.Silo.Hosting;

/// <summary>How a silo finds the others: alone on loopback, or as a member of a cluster whose membership is in PostgreSQL.</summary>
public static class GridCluster
{
    /// <summary>A single silo; no Orleans clients connect from outside (the gRPC API is the way in), so no gateway.</summary>
    public static ISiloBuilder UseSingleSilo(this ISiloBuilder silo, GridOptions options) =>
        silo.UseLocalhostClustering(siloPort: PortOrFree(options.SiloPort), gatewayPort: 0);

    /// <summary>
    /// A member of the cluster <see cref="GridOptions.ClusterId"/>: membership, grain state and reminders in one
    /// PostgreSQL database, reachable from the others on <see cref="GridOptions.AdvertisedAddress"/>.
    /// </summary>
    public static ISiloBuilder UseGridPostgres(this ISiloBuilder silo, GridOptions options, NpgsqlDataSource database)
    {
        if (!IPAddress.TryParse(options.AdvertisedAddress, out var advertised))
        {
            throw new ArgumentException($"GongGrid:AdvertisedAddress '{options.AdvertisedAddress}' is not an IP address.", nameof(options));
        }
        return silo
            .Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = options.ClusterId;
                cluster.ServiceId = options.ServiceId;
            })
            .ConfigureEndpoints(advertised, PortOrFree(options.SiloPort), options.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised))
            .Configure<ClusterMembershipOptions>(FailureDetection.Tune)
            // A grain on another silo that failed on PostgreSQL answers with its Npgsql error; Orleans serializes only
            // exceptions of the namespaces it is told, and without this one the caller got a codec error (INTERNAL)
            // where the silo it asked would have said the storage is unavailable.
            .Configure<ExceptionSerializationOptions>(exceptions => exceptions.SupportedNamespacePrefixes.Add(nameof(Npgsql)))
            .UsePostgresClustering(database)
            .UseGridPostgresStore(database);
    }

    private static int PortOrFree(int port) => port == 0 ? FreeLoopbackPort() : port;

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
