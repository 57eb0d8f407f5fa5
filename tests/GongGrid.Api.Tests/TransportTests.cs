using GongGrid.Api.Tests.Support;
using GongGrid.Api.V1;
using Grpc.Core;
using static GongGrid.Api.Tests.Support.ApiSilo;
using static GongGrid.Api.Tests.Support.SampleDistrict;

namespace GongGrid.Api.Tests;

/// <summary>Deadlines and message limits through the real services, on a silo that takes messages of 64 KiB at most.</summary>
public sealed class TransportTests(TransportTests.Fixture fixture) : IClassFixture<TransportTests.Fixture>
{
    private const string Bridge = "bridge-ngoc-lien";
    private readonly ApiSilo _silo = fixture.Silo;
    private readonly DistrictService.DistrictServiceClient _district = new(fixture.Silo.Channel);
    private readonly AdminService.AdminServiceClient _admin = new(fixture.Silo.Channel);

    public sealed class Fixture : SiloFixture
    {
        public const int MaxMessageBytes = 64 * 1024;

        protected override string[] Settings => [$"--GongGrid:Api:MaxMessageBytes={MaxMessageBytes}"];

        protected override (string Name, string[] Villages)[] Bridges => [(Bridge, VillagesOf(NgocLien))];
    }

    [Fact]
    public async Task A_watch_with_a_deadline_ends_deadline_exceeded_and_the_silo_keeps_serving()
    {
        using var watch = new AlarmService.AlarmServiceClient(_silo.Channel)
            .WatchAlarms(new WatchAlarmsRequest { DistrictKey = Key }, As(DistrictToken, TimeSpan.FromMilliseconds(300)));

        await Expect.Status(StatusCode.DeadlineExceeded, () => watch.ResponseStream.MoveNext());
        var summary = await _district.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = Key }, As(DistrictToken));

        Assert.Equal(VillageCount, summary.Totals.Villages);
    }

    [Fact]
    public async Task A_bridge_stream_held_open_past_its_deadline_ends_deadline_exceeded()
    {
        await using var ingest = BridgeConnection.Open(_silo.Channel, Bridge, TimeSpan.FromMilliseconds(300));

        await Expect.Status(StatusCode.DeadlineExceeded, async () =>
        {
            await ingest.SendAsync();
            await ingest.WaitForEndAsync();
        });
    }

    [Fact]
    public async Task A_roster_larger_than_the_limit_is_resource_exhausted_and_the_silo_keeps_serving()
    {
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(Json) > Fixture.MaxMessageBytes);

        var error = await Expect.Status(StatusCode.ResourceExhausted, () => _admin.ImportRosterAsync(new ImportRosterRequest { RosterJson = Json }, As(AdminToken)));
        var summary = await _district.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = Key }, As(DistrictToken));
        var small = await _admin.ImportRosterAsync(new ImportRosterRequest { RosterJson = OneCommune() }, As(OtherAdminToken));

        Assert.NotEmpty(error.Status.Detail);
        Assert.Equal(("Ngọc Lặc", VillageCount), (summary.Name, summary.Totals.Villages));
        Assert.Equal(("lang-chanh", 1), (small.DistrictKey, small.Communes));
    }

    [Fact]
    public async Task A_roster_gzipped_under_the_limit_but_larger_unpacked_is_still_resource_exhausted()
    {
        var error = await Expect.Status(StatusCode.ResourceExhausted,
            () => _admin.ImportRosterAsync(new ImportRosterRequest { RosterJson = Json }, As(AdminToken, gzip: true)));
        var small = await _admin.ImportRosterAsync(new ImportRosterRequest { RosterJson = OneCommune() }, As(OtherAdminToken, gzip: true));

        Assert.NotEmpty(error.Status.Detail);
        Assert.Equal(1, small.Communes);
    }

    [Fact]
    public async Task A_gzip_bomb_is_resource_exhausted_and_the_silo_keeps_serving()
    {
        // 16 MiB of zeros in about 16 KiB of gzip: under the 64 KiB limit as sent, 256 times over it inflated.
        var bomb = RawGrpc.Gzip(new byte[16 * 1024 * 1024]);

        var (status, message) = await RawGrpc.CallAsync(
            _silo.Address, "/gonggrid.v1.AdminService/ImportRoster", "Bearer " + AdminToken, RawGrpc.Frame(compressed: true, bomb), ("grpc-encoding", "gzip"));
        var summary = await _district.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = Key }, As(DistrictToken));

        Assert.InRange(bomb.Length, 1, Fixture.MaxMessageBytes);
        Assert.Equal(StatusCode.ResourceExhausted, status);
        Assert.Contains("exceeds the maximum", message);
        Assert.Equal(VillageCount, summary.Totals.Villages);
    }

    [Fact]
    public async Task A_message_in_an_encoding_the_silo_does_not_know_is_unimplemented()
    {
        var (status, message) = await RawGrpc.CallAsync(
            _silo.Address, "/gonggrid.v1.AdminService/ImportRoster", "Bearer " + AdminToken, RawGrpc.Frame(compressed: true, [0x0A, 0x00]), ("grpc-encoding", "snappy"));

        Assert.Equal(StatusCode.Unimplemented, status);
        Assert.Contains("snappy", message);
    }

    /// <summary>
    /// grpc-dotnet reads (and inflates) a unary request before any interceptor runs, so a body that does not decode ends
    /// the call with its own UNKNOWN "Exception was thrown by handler.": no words of the parser's or inflater's reach
    /// the caller.
    /// </summary>
    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task A_request_that_is_not_a_message_is_unknown_without_the_parsers_words_and_the_silo_keeps_serving(bool gzip, bool invalidWireType)
    {
        // Not gzip: a gzip header, then a deflate block of the reserved type 3.
        byte[] corruptGzip = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0x07, 0xFF, 0xFF];
        var (status, message) = await RawGrpc.CallAsync(
            _silo.Address, "/gonggrid.v1.DistrictService/GetNightSummary", "Bearer " + DistrictToken,
            RawGrpc.Frame(compressed: gzip, gzip ? corruptGzip : invalidWireType ? InvalidWireType : NotAMessage), ("grpc-encoding", "gzip"));
        var summary = await _district.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = Key }, As(DistrictToken));

        Assert.Equal(StatusCode.Unknown, status);
        Assert.Equal("Exception was thrown by handler.", message);
        Assert.Equal(VillageCount, summary.Totals.Villages);
    }

    /// <summary>Issue 14, item 9: the parser's "Protocol message contained a tag with an invalid wire type." reached the caller.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_ingest_batch_that_is_not_a_message_ends_the_stream_internal_without_the_parsers_words(bool invalidWireType)
    {
        var (status, message) = await RawGrpc.CallAsync(
            _silo.Address, "/gonggrid.v1.IngestService/Ingest", "Bearer " + Bridge, RawGrpc.Frame(compressed: false, invalidWireType ? InvalidWireType : NotAMessage));

        Assert.Equal(StatusCode.Internal, status);
        Assert.Equal("a request message could not be decoded", message);
        Assert.DoesNotContain("truncated", message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("protocol message", message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_method_the_silo_does_not_have_is_unimplemented()
    {
        var (status, _) = await RawGrpc.CallAsync(_silo.Address, "/gonggrid.v1.DistrictService/GetWeather", "Bearer " + DistrictToken);

        Assert.Equal(StatusCode.Unimplemented, status);
    }

    [Fact]
    public async Task An_ingest_batch_larger_than_the_limit_ends_the_stream_resource_exhausted()
    {
        await using var bridge = await _silo.ConnectBridgeAsync(Bridge);
        var now = _silo.Clock.GetUtcNow();

        await Expect.Status(StatusCode.ResourceExhausted,
            () => bridge.SendAsync([.. Enumerable.Range(0, 2000).Select(_ => DeviceEvents.Heartbeat(NgocLien + "/phu-thuong/gong-1", now, batteryPercent: 90))]));
        await using var again = await _silo.ConnectBridgeAsync(Bridge);
        var ack = Assert.Single((await again.SendAsync(DeviceEvents.Heartbeat(NgocLien + "/phu-thuong/gong-1", now))).Acks);

        Assert.Equal(Disposition.Applied, ack.Disposition);
    }

    [Fact]
    public async Task A_bridge_refused_at_connect_learns_it_without_sending_anything()
    {
        await _district.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = Key }, As(DistrictToken));
        await using var police = BridgeConnection.Open(_silo.Channel, DistrictToken);

        await Expect.Status(StatusCode.PermissionDenied, police.WaitForEndAsync);
    }

    [Fact]
    public async Task Reading_a_watch_after_cancelling_it_is_cancelled()
    {
        using var hangUp = new CancellationTokenSource();
        using var watch = new AlarmService.AlarmServiceClient(_silo.Channel)
            .WatchAlarms(new WatchAlarmsRequest { DistrictKey = Key }, As(DistrictToken).WithCancellationToken(hangUp.Token));
        await hangUp.CancelAsync();

        await Expect.Status(StatusCode.Cancelled, () => watch.ResponseStream.MoveNext());
    }

    /// <summary>Field 1 with wire type 7, which protobuf does not have.</summary>
    private static byte[] InvalidWireType => [0x0F, 0x01];

    /// <summary>Field 1 declared 16 bytes long, with two bytes behind it.</summary>
    private static byte[] NotAMessage => [0x0A, 0x10, 0x41, 0x42];

    private static string OneCommune() => RosterJson.Edit(root =>
    {
        root["key"] = "lang-chanh";
        while (RosterJson.Communes(root).Count > 1)
        {
            RosterJson.Communes(root).RemoveAt(1);
        }
    });
}
