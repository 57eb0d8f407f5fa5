using GongGrid.Api.V1;
using GongGrid.EdgeBridge.Tests.Bridge;
using GongGrid.EdgeBridge.Uplink;
using GongGrid.Testing.Network;
using Grpc.Core;

namespace GongGrid.EdgeBridge.Tests.Uplink;

/// <summary>The bridge's channel to a silo process: its token on every call, TLS with the district's CA, keep-alive pings.</summary>
public sealed class GridChannelTests
{
    private static readonly string[] Villages = ["ngoc-lac/ngoc-lien/phu-thuong"];

    [Fact]
    public async Task Over_h2c_the_bridge_token_goes_with_every_call()
    {
        await using var silo = await GridSilo.StartAsync(new GridSiloSetup(Villages));
        using var channel = GridChannel.Open(silo.Address.ToString(), new UplinkOptions { Token = GridSilo.BridgeToken });

        var roster = await new IngestService.IngestServiceClient(channel).GetBridgeRosterAsync(new BridgeRosterRequest(), deadline: DateTime.UtcNow.AddSeconds(20));

        Assert.Contains(roster.Devices, device => device.DeviceKey == "ngoc-lac/ngoc-lien/phu-thuong/gong-1");
    }

    [Fact]
    public async Task Over_tls_the_bridge_trusts_a_grid_certificate_its_districts_ca_issued_and_no_other()
    {
        using var district = new DistrictCertificates();
        using var otherDistrict = new DistrictCertificates();
        await using var silo = await GridSilo.StartAsync(new GridSiloSetup(Villages, CertificatePath: district.GridPfx));
        using var trusting = GridChannel.Open(silo.Address.ToString(), new UplinkOptions { Token = GridSilo.BridgeToken, CaCertificatePath = district.AuthorityPem });
        using var misconfigured = GridChannel.Open(silo.Address.ToString(), new UplinkOptions { Token = GridSilo.BridgeToken, CaCertificatePath = otherDistrict.AuthorityPem });
        using var machineRootsOnly = GridChannel.Open(silo.Address.ToString(), new UplinkOptions { Token = GridSilo.BridgeToken });

        var roster = await RosterAsync(trusting);
        var wrongCa = await Assert.ThrowsAsync<RpcException>(() => RosterAsync(misconfigured));
        var noCa = await Assert.ThrowsAsync<RpcException>(() => RosterAsync(machineRootsOnly));

        Assert.Equal("https", silo.Address.Scheme);
        Assert.NotEmpty(roster.Devices);
        Assert.Contains("certificate", wrongCa.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("certificate", noCa.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_grid_that_goes_silent_without_closing_is_noticed_by_the_bridges_pings()
    {
        await using var silo = await GridSilo.StartAsync(new GridSiloSetup(Villages));
        await using var relay = TcpRelay.Start("127.0.0.1", silo.Address.Port);
        using var channel = GridChannel.Open($"http://127.0.0.1:{relay.Port}", new UplinkOptions
        {
            Token = GridSilo.BridgeToken,
            KeepAlivePingDelay = TimeSpan.FromSeconds(1),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(1),
        });
        using var stream = new IngestService.IngestServiceClient(channel).Ingest();
        await stream.RequestStream.WriteAsync(new IngestRequest());
        Assert.True(await stream.ResponseStream.MoveNext());

        relay.Freeze();

        // Without pings the read would wait for the grid forever; the bound only keeps a failing test from hanging.
        await Assert.ThrowsAsync<RpcException>(() => stream.ResponseStream.MoveNext().WaitAsync(TimeSpan.FromSeconds(60)));
    }

    private static async Task<BridgeRoster> RosterAsync(Grpc.Net.Client.GrpcChannel channel) =>
        await new IngestService.IngestServiceClient(channel).GetBridgeRosterAsync(new BridgeRosterRequest(), deadline: DateTime.UtcNow.AddSeconds(20));
}
