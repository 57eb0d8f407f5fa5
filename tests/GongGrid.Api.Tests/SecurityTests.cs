using Grpc.Health.V1;
using GongGrid.Api.Tests.Support;
using GongGrid.Api.V1;
using Grpc.Core;
using static GongGrid.Api.Tests.Support.ApiSilo;
using HealthService = Grpc.Health.V1.Health;
using static GongGrid.Api.Tests.Support.SampleDistrict;

namespace GongGrid.Api.Tests;

/// <summary>Who may ask what: bearer tokens, roles and scopes, on a silo that nobody changes.</summary>
public sealed class SecurityTests(SecurityTests.Fixture fixture) : IClassFixture<SecurityTests.Fixture>
{
    private const string Bridge = "bridge-ngoc-lien";
    private readonly ApiSilo _silo = fixture.Silo;
    private readonly DistrictService.DistrictServiceClient _district = new(fixture.Silo.Channel);
    private readonly AlarmService.AlarmServiceClient _alarms = new(fixture.Silo.Channel);
    private readonly AdminService.AdminServiceClient _admin = new(fixture.Silo.Channel);

    public sealed class Fixture : SiloFixture
    {
        protected override (string Name, string[] Villages)[] Bridges => [(Bridge, VillagesOf(NgocLien))];
    }

    [Fact]
    public async Task Every_service_refuses_a_call_without_a_token_as_unauthenticated()
    {
        var none = Within(TimeSpan.FromSeconds(10));
        await using var bridge = BridgeConnection.Open(_silo.Channel, "");

        var errors = new[]
        {
            await Expect.Status(StatusCode.Unauthenticated, () => _district.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = Key }, none)),
            await Expect.Status(StatusCode.Unauthenticated, () => _alarms.ListLiveAlarmsAsync(new ListLiveAlarmsRequest { DistrictKey = Key }, none)),
            await Expect.Status(StatusCode.Unauthenticated, () => _admin.SetDeviceConditionAsync(new SetDeviceConditionRequest { DeviceKey = "ngoc-lac/ngoc-lien/phu-thuong/gong-1", Condition = DeviceCondition.Lost }, none)),
            await Expect.Status(StatusCode.Unauthenticated, () => bridge.SendAsync()),
        };

        Assert.All(errors, error => Assert.Contains("bearer token is required", error.Status.Detail));
    }

    [Theory]
    [InlineData("Basic ZGlzdHJpY3QtdG9rZW4=")]
    [InlineData("district-token")]
    [InlineData("Bearer")]
    [InlineData("Bearer    ")]
    [InlineData("Bearerdistrict-token")]
    public async Task A_malformed_authorization_header_is_unauthenticated(string header)
    {
        var (status, message) = await RawGrpc.CallAsync(_silo.Address, "/gonggrid.v1.DistrictService/GetNightSummary", header);

        Assert.Equal(StatusCode.Unauthenticated, status);
        Assert.NotEmpty(message);
    }

    [Fact]
    public async Task A_token_the_grid_did_not_issue_is_unauthenticated_and_not_repeated_back()
    {
        var error = await Expect.Status(StatusCode.Unauthenticated,
            () => _district.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = Key }, As("gg_not-a-real-token")));

        Assert.DoesNotContain("gg_not-a-real-token", error.Status.Detail);
    }

    [Fact]
    public async Task Commune_police_see_their_own_commune_and_its_villages()
    {
        var detail = await _district.GetCommuneDetailAsync(new CommuneDetailRequest { CommuneKey = NgocLien }, As(CommuneToken));
        var devices = await _district.ListDevicesNeedingAttentionAsync(new DevicesNeedingAttentionRequest { DistrictKey = Key, CommuneKey = NgocLien }, As(CommuneToken));
        var history = await _district.GetVillageHistoryAsync(new VillageHistoryRequest { VillageKey = NgocLien + "/phu-thuong" }, As(CommuneToken));
        var alarms = await _alarms.ListLiveAlarmsAsync(new ListLiveAlarmsRequest { DistrictKey = Key, CommuneKey = NgocLien }, As(CommuneToken));

        Assert.Equal(14, detail.Villages.Count);
        Assert.All(devices.Devices, device => Assert.StartsWith(NgocLien + "/", device.DeviceKey));
        Assert.Equal(NgocLien + "/phu-thuong", history.VillageKey);
        Assert.Empty(alarms.Alarms);
    }

    [Fact]
    public async Task Commune_police_learn_nothing_of_another_commune_not_even_whether_it_exists()
    {
        var existing = await Expect.Status(StatusCode.PermissionDenied,
            () => _district.GetCommuneDetailAsync(new CommuneDetailRequest { CommuneKey = CaoThinh }, As(CommuneToken)));
        var missing = await Expect.Status(StatusCode.PermissionDenied,
            () => _district.GetCommuneDetailAsync(new CommuneDetailRequest { CommuneKey = "ngoc-lac/khong-co" }, As(CommuneToken)));

        Assert.Equal(existing.Status.Detail.Replace(CaoThinh, "KEY", StringComparison.Ordinal), missing.Status.Detail.Replace("ngoc-lac/khong-co", "KEY", StringComparison.Ordinal));
        Assert.DoesNotContain("Cao Thịnh", existing.Status.Detail);
        Assert.DoesNotContain("roster", existing.Status.Detail);
    }

    [Fact]
    public async Task Commune_police_may_not_ask_district_wide_or_about_another_communes_villages()
    {
        var options = As(CommuneToken);

        await Expect.Status(StatusCode.PermissionDenied, () => _district.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = Key }, options));
        await Expect.Status(StatusCode.PermissionDenied, () => _district.ListDevicesNeedingAttentionAsync(new DevicesNeedingAttentionRequest { DistrictKey = Key }, options));
        await Expect.Status(StatusCode.PermissionDenied, () => _district.ListCoverageGapsAsync(new CoverageGapsRequest { DistrictKey = Key }, options));
        await Expect.Status(StatusCode.PermissionDenied, () => _district.GetStrikerAllowancesAsync(new StrikerAllowancesRequest { DistrictKey = Key, Year = 2026, Month = 11 }, options));
        await Expect.Status(StatusCode.PermissionDenied, () => _district.GetVillageHistoryAsync(new VillageHistoryRequest { VillageKey = CaoThinh + "/ban-rich" }, options));
        await Expect.Status(StatusCode.PermissionDenied, () => _district.GetQuarterlyReportAsync(new QuarterlyReportRequest { CommuneKey = CaoThinh, Year = 2026, Quarter = 4 }, options));
        await Expect.Status(StatusCode.PermissionDenied, () => _alarms.ListLiveAlarmsAsync(new ListLiveAlarmsRequest { DistrictKey = Key }, options));
        await Expect.Status(StatusCode.PermissionDenied, () => _alarms.SoundAlarmOnSpeakersAsync(new SoundAlarmRequest { CommuneKey = CaoThinh, Kind = AlarmKind.Fire }, options));
        await Expect.Status(StatusCode.PermissionDenied, () => _alarms.AcknowledgeAlarmAsync(new AcknowledgeAlarmRequest { VillageKey = CaoThinh + "/ban-rich", AlarmId = CaoThinh + "/ban-rich#1" }, options));
    }

    [Fact]
    public async Task A_bridge_token_only_pushes_events_it_may_not_read_or_manage()
    {
        var options = As(Bridge);

        var read = await Expect.Status(StatusCode.PermissionDenied, () => _district.GetCommuneDetailAsync(new CommuneDetailRequest { CommuneKey = NgocLien }, options));
        await Expect.Status(StatusCode.PermissionDenied, () => _alarms.ListLiveAlarmsAsync(new ListLiveAlarmsRequest { DistrictKey = Key, CommuneKey = NgocLien }, options));
        await Expect.Status(StatusCode.PermissionDenied, () => _admin.SetDeviceConditionAsync(new SetDeviceConditionRequest { DeviceKey = NgocLien + "/phu-thuong/gong-1", Condition = DeviceCondition.Lost }, options));

        Assert.Contains("EdgeBridge", read.Status.Detail);
    }

    [Fact]
    public async Task Police_tokens_may_not_push_device_events_or_manage_the_roster()
    {
        await using var police = BridgeConnection.Open(_silo.Channel, DistrictToken);

        var ingest = await Expect.Status(StatusCode.PermissionDenied, () => police.SendAsync());
        await Expect.Status(StatusCode.PermissionDenied,
            () => _admin.SetDeviceConditionAsync(new SetDeviceConditionRequest { DeviceKey = NgocLien + "/phu-thuong/gong-1", Condition = DeviceCondition.Lost }, As(DistrictToken)));
        await Expect.Status(StatusCode.PermissionDenied,
            () => _admin.ImportRosterAsync(new ImportRosterRequest { RosterJson = Json }, As(CommuneToken)));

        Assert.Contains("DistrictPolice", ingest.Status.Detail);
    }

    [Fact]
    public async Task A_token_of_another_district_is_denied_this_one()
    {
        var options = As(OtherDistrictToken);

        await Expect.Status(StatusCode.PermissionDenied, () => _district.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = Key }, options));
        await Expect.Status(StatusCode.PermissionDenied, () => _district.GetCommuneDetailAsync(new CommuneDetailRequest { CommuneKey = NgocLien }, options));
        await Expect.Status(StatusCode.PermissionDenied, () => _alarms.ListLiveAlarmsAsync(new ListLiveAlarmsRequest { DistrictKey = Key }, options));
        var own = await Expect.Status(StatusCode.NotFound, () => _district.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = "lang-chanh" }, options));

        Assert.Contains("lang-chanh", own.Status.Detail);
    }

    [Fact]
    public async Task Health_checks_need_no_token()
    {
        var health = await new HealthService.HealthClient(_silo.Channel).CheckAsync(new HealthCheckRequest(), Within(TimeSpan.FromSeconds(10)));
        var (status, _) = await RawGrpc.CallAsync(_silo.Address, "/grpc.health.v1.Health/Check", "Basic nonsense");

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal(StatusCode.OK, status);
    }
}
