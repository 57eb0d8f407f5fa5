using System.Text.RegularExpressions;
using GongGrid.Api.Tests.Support;
using GongGrid.Api.V1;
using Grpc.Core;
using static GongGrid.Api.Tests.Support.ApiSilo;
using static GongGrid.Api.Tests.Support.SampleDistrict;

namespace GongGrid.Api.Tests;

/// <summary>An administrator changing the roster and the devices, and what police and bridges notice afterwards.</summary>
public sealed partial class AdminServiceTests(AdminServiceTests.Fixture fixture) : IClassFixture<AdminServiceTests.Fixture>
{
    private const string Bridge = "bridge-ngoc-lien-lam-son";

    private readonly ApiSilo _silo = fixture.Silo;
    private readonly AdminService.AdminServiceClient _admin = new(fixture.Silo.Channel);
    private readonly DistrictService.DistrictServiceClient _district = new(fixture.Silo.Channel);

    public sealed class Fixture : SiloFixture
    {
        protected override (string Name, string[] Villages)[] Bridges => [(Bridge, [.. VillagesOf(NgocLien), .. VillagesOf(LamSon)])];
    }

    [Fact]
    public async Task An_invalid_roster_is_refused_with_every_error_at_its_line_and_column_and_nothing_is_imported()
    {
        var json = RosterJson.Edit(root =>
        {
            root["name"] = "Ngọc Lặc (sửa)";
            RosterJson.Village(root, NgocLien + "/phu-thuong")["devices"]![0]!["kind"] = "bell";
            RosterJson.Village(root, NgocLien + "/pho-cong")["slug"] = "Pho Cong";
        });

        var error = await Expect.Status(StatusCode.InvalidArgument,
            () => _admin.ImportRosterAsync(new ImportRosterRequest { RosterJson = json, FileName = "ngoc-lac.roster.json" }, As(AdminToken)));

        Assert.StartsWith("the roster has 2 error(s); nothing was imported", error.Status.Detail);
        Assert.Equal(2, PositionedError().Matches(error.Status.Detail).Count);
        Assert.Contains("bell", error.Status.Detail);
        Assert.Contains("Pho Cong", error.Status.Detail);
        var summary = await _district.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = Key }, As(DistrictToken));
        Assert.Equal("Ngọc Lặc", summary.Name);
    }

    [Fact]
    public async Task A_roster_with_many_errors_reports_the_first_fifty_and_counts_the_rest()
    {
        var json = RosterJson.Edit(root =>
        {
            foreach (var village in RosterJson.Communes(root).SelectMany(commune => commune!["villages"]!.AsArray()).Take(60))
            {
                village!["devices"]![0]!["kind"] = "chuông";
            }
        });

        var error = await Expect.Status(StatusCode.InvalidArgument, () => _admin.ImportRosterAsync(new ImportRosterRequest { RosterJson = json }, As(AdminToken)));

        Assert.StartsWith("the roster has 60 error(s)", error.Status.Detail);
        Assert.Equal(50, error.Status.Detail.Split('\n').Count(line => line.Contains("chuông", StringComparison.Ordinal)));
        Assert.EndsWith("… and 10 more", error.Status.Detail);
    }

    [Fact]
    public async Task Json_that_does_not_parse_is_refused_at_its_line_and_column()
    {
        var error = await Expect.Status(StatusCode.InvalidArgument,
            () => _admin.ImportRosterAsync(new ImportRosterRequest { RosterJson = "{\n  \"key\": \"ngoc-lac\",\n  \"name\": \n}" }, As(AdminToken)));

        Assert.Matches(@"roster\.json:[34]:\d+: ", error.Status.Detail);
    }

    [Fact]
    public async Task Importing_the_same_roster_again_retires_nothing()
    {
        await _admin.ImportRosterAsync(new ImportRosterRequest { RosterJson = Json }, As(AdminToken));
        var reply = await _admin.ImportRosterAsync(new ImportRosterRequest { RosterJson = Json }, As(AdminToken));

        Assert.Equal((Key, 20, VillageCount, 0, 0), (reply.DistrictKey, reply.Communes, reply.Villages, reply.VillagesRetired, reply.DevicesRetired));
        Assert.Equal(Roster.Communes.Sum(commune => commune.Villages.Sum(village => village.Devices.Count)), reply.Devices);
    }

    [Fact]
    public async Task A_device_the_new_roster_leaves_out_is_retired_and_its_events_are_rejected()
    {
        const string removed = NgocLien + "/khe-ngang/alarm-button-1";
        await _admin.ImportRosterAsync(new ImportRosterRequest { RosterJson = Json }, As(AdminToken));
        await using var bridge = await _silo.ConnectBridgeAsync(Bridge);
        var before = Assert.Single((await bridge.SendAsync(DeviceEvents.Heartbeat(removed, _silo.Clock.GetUtcNow()))).Acks);

        var reply = await _admin.ImportRosterAsync(new ImportRosterRequest { RosterJson = RosterJson.Edit(root => RosterJson.RemoveDevice(root, removed)) }, As(AdminToken));
        var after = Assert.Single((await bridge.SendAsync(DeviceEvents.Button(removed, _silo.Clock.GetUtcNow(), AlarmKind.Fire))).Acks);

        Assert.Equal((0, 1), (reply.VillagesRetired, reply.DevicesRetired));
        Assert.Equal(Disposition.Applied, before.Disposition);
        Assert.Equal(Disposition.Rejected, after.Disposition);
        Assert.Contains("not in the roster", after.Reason);
    }

    [Fact]
    public async Task A_village_the_new_roster_leaves_out_is_retired_with_its_devices()
    {
        const string removed = NgocLien + "/doan-ket";
        await _admin.ImportRosterAsync(new ImportRosterRequest { RosterJson = Json }, As(AdminToken));

        var reply = await _admin.ImportRosterAsync(new ImportRosterRequest { RosterJson = RosterJson.Edit(root => RosterJson.RemoveVillage(root, removed)) }, As(AdminToken));
        await using var bridge = await _silo.ConnectBridgeAsync(Bridge);
        var ack = Assert.Single((await bridge.SendAsync(DeviceEvents.Strike(removed + "/gong-1", _silo.Clock.GetUtcNow()))).Acks);
        var detail = await _district.GetCommuneDetailAsync(new CommuneDetailRequest { CommuneKey = NgocLien }, As(DistrictToken));

        Assert.Equal((VillageCount - 1, 1, 2), (reply.Villages, reply.VillagesRetired, reply.DevicesRetired));
        Assert.Equal(Disposition.Rejected, ack.Disposition);
        Assert.DoesNotContain(detail.Villages, village => village.VillageKey == removed);
    }

    [Fact]
    public async Task Only_an_admin_of_the_district_may_import_its_roster()
    {
        var otherAdmin = await Expect.Status(StatusCode.PermissionDenied,
            () => _admin.ImportRosterAsync(new ImportRosterRequest { RosterJson = Json }, As(OtherAdminToken)));
        await Expect.Status(StatusCode.PermissionDenied, () => _admin.ImportRosterAsync(new ImportRosterRequest { RosterJson = Json }, As(DistrictToken)));
        await Expect.Status(StatusCode.PermissionDenied,
            () => _admin.ImportRosterAsync(new ImportRosterRequest { RosterJson = Json.Replace("\"key\": \"ngoc-lac\"", "\"key\": \"lang-chanh\"", StringComparison.Ordinal) }, As(AdminToken)));

        Assert.Contains(Key, otherAdmin.Status.Detail);
    }

    [Fact]
    public async Task An_admin_imports_a_new_district_in_their_scope()
    {
        var json = RosterJson.Edit(root =>
        {
            root["key"] = "lang-chanh";
            root["name"] = "Lang Chánh";
            while (RosterJson.Communes(root).Count > 1)
            {
                RosterJson.Communes(root).RemoveAt(1);
            }
        });

        var reply = await _admin.ImportRosterAsync(new ImportRosterRequest { RosterJson = json }, As(OtherAdminToken));
        var summary = await _district.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = "lang-chanh" }, As(OtherDistrictToken));

        Assert.Equal(("lang-chanh", 1, Roster.Communes[0].Villages.Count, 0), (reply.DistrictKey, reply.Communes, reply.Villages, reply.DevicesRetired));
        Assert.Equal(("Lang Chánh", Roster.Communes[0].Villages.Count), (summary.Name, summary.Totals.Pending));
    }

    [Fact]
    public async Task A_gong_marked_damaged_is_listed_for_a_visit_by_district_and_commune_police()
    {
        const string gong = NgocLien + "/chieng-khat/gong-2";

        var status = await _admin.SetDeviceConditionAsync(new SetDeviceConditionRequest { DeviceKey = gong, Condition = DeviceCondition.Damaged }, As(AdminToken));
        var district = await _district.ListDevicesNeedingAttentionAsync(new DevicesNeedingAttentionRequest { DistrictKey = Key }, As(DistrictToken));
        var commune = await _district.ListDevicesNeedingAttentionAsync(new DevicesNeedingAttentionRequest { DistrictKey = Key, CommuneKey = NgocLien }, As(CommuneToken));

        Assert.Equal((gong, DeviceCondition.Damaged, true), (status.DeviceKey, status.Condition, status.NeedsAttention));
        Assert.Equal(DeviceCondition.Damaged, district.Devices.Single(device => device.DeviceKey == gong).Condition);
        Assert.Contains(commune.Devices, device => device.DeviceKey == gong);
    }

    [Fact]
    public async Task Losing_a_villages_only_gong_leaves_every_cluster_out_of_earshot_until_it_is_back()
    {
        const string village = NgocLien + "/pho-cong";

        await _admin.SetDeviceConditionAsync(new SetDeviceConditionRequest { DeviceKey = village + "/gong-1", Condition = DeviceCondition.Lost }, As(AdminToken));
        var lost = await Gaps(village);
        var listed = await _district.ListDevicesNeedingAttentionAsync(new DevicesNeedingAttentionRequest { DistrictKey = Key, CommuneKey = NgocLien }, As(DistrictToken));
        var repaired = await _admin.SetDeviceConditionAsync(new SetDeviceConditionRequest { DeviceKey = village + "/gong-1", Condition = DeviceCondition.Ok }, As(AdminToken));
        var back = await Gaps(village);
        var relisted = await _district.ListDevicesNeedingAttentionAsync(new DevicesNeedingAttentionRequest { DistrictKey = Key, CommuneKey = NgocLien }, As(DistrictToken));

        Assert.Equal(Village(village).Clusters.Select(cluster => cluster.Slug).Order(), lost.Select(gap => gap.ClusterSlug).Order());
        Assert.All(lost, gap => Assert.False(gap.HasNearestGongMeters));
        Assert.Contains(listed.Devices, device => device.DeviceKey == village + "/gong-1" && device.Condition == DeviceCondition.Lost);
        Assert.Equal((DeviceCondition.Ok, false), (repaired.Condition, repaired.NeedsAttention));
        Assert.True(back.Count < lost.Count);
        Assert.DoesNotContain(relisted.Devices, device => device.DeviceKey == village + "/gong-1");
    }

    /// <summary>Issue 14: RegisterDevice took a 10,000-character slug; a key's slugs are at most 63 characters (docs/roster.md).</summary>
    [Fact]
    public async Task A_slug_longer_than_63_characters_is_an_invalid_argument_naming_the_limit()
    {
        var error = await Expect.Status(StatusCode.InvalidArgument, () => _admin.RegisterDeviceAsync(new RegisterDeviceRequest
        {
            VillageKey = NgocLien + "/bai-bang",
            Slug = new string('g', 10_000),
            Kind = DeviceKind.Gong,
            Place = "Sân đình",
            Latitude = 20.1,
            Longitude = 105.3,
        }, As(AdminToken)));

        Assert.Equal("slug is 10000 characters long; a slug has at most 63", error.Status.Detail);
    }

    [Fact]
    public async Task Setting_a_condition_to_a_number_that_is_no_condition_is_an_invalid_argument()
    {
        var error = await Expect.Status(StatusCode.InvalidArgument,
            () => _admin.SetDeviceConditionAsync(new SetDeviceConditionRequest { DeviceKey = NgocLien + "/phu-thuong/gong-1", Condition = (DeviceCondition)99 }, As(AdminToken)));

        Assert.Equal("condition must be ok, damaged or lost", error.Status.Detail);
    }

    [Fact]
    public async Task Setting_a_condition_needs_a_condition_and_a_device_in_the_roster()
    {
        await Expect.Status(StatusCode.InvalidArgument,
            () => _admin.SetDeviceConditionAsync(new SetDeviceConditionRequest { DeviceKey = NgocLien + "/phu-thuong/gong-1" }, As(AdminToken)));
        await Expect.Status(StatusCode.NotFound,
            () => _admin.SetDeviceConditionAsync(new SetDeviceConditionRequest { DeviceKey = NgocLien + "/phu-thuong/gong-9", Condition = DeviceCondition.Lost }, As(AdminToken)));
        await Expect.Status(StatusCode.PermissionDenied,
            () => _admin.SetDeviceConditionAsync(new SetDeviceConditionRequest { DeviceKey = NgocLien + "/phu-thuong/gong-1", Condition = DeviceCondition.Lost }, As(OtherAdminToken)));
    }

    [Fact]
    public async Task A_registered_gong_accepts_strikes_and_covers_the_cluster_it_hangs_by()
    {
        var gaps = await _district.ListCoverageGapsAsync(new CoverageGapsRequest { DistrictKey = Key, CommuneKey = LamSon }, As(DistrictToken));
        var village = gaps.Villages[0];
        var cluster = Village(village.VillageKey).Clusters.Single(cluster => cluster.Slug == village.Gaps[0].ClusterSlug);
        await using var bridge = await _silo.ConnectBridgeAsync(Bridge);
        var unknown = Assert.Single((await bridge.SendAsync(DeviceEvents.Strike(village.VillageKey + "/gong-moi", _silo.Clock.GetUtcNow()))).Acks);

        var status = await _admin.RegisterDeviceAsync(new RegisterDeviceRequest
        {
            VillageKey = village.VillageKey,
            Slug = "gong-moi",
            Kind = DeviceKind.Gong,
            Place = "Cổng " + cluster.Name,
            Latitude = cluster.Location.Latitude,
            Longitude = cluster.Location.Longitude,
        }, As(AdminToken));
        var struck = Assert.Single((await bridge.SendAsync(DeviceEvents.Strike(village.VillageKey + "/gong-moi", _silo.Clock.GetUtcNow()))).Acks);
        var after = await Gaps(village.VillageKey);

        Assert.Equal(Disposition.Rejected, unknown.Disposition);
        Assert.Equal((village.VillageKey + "/gong-moi", DeviceKind.Gong, DeviceCondition.Ok), (status.DeviceKey, status.Kind, status.Condition));
        Assert.Equal(Disposition.Applied, struck.Disposition);
        Assert.DoesNotContain(after, gap => gap.ClusterSlug == cluster.Slug);
    }

    [Theory]
    [InlineData("Gong 2", DeviceKind.Gong, 20.1, 105.3, "Sân đình", "slug 'Gong 2'")]
    [InlineData("", DeviceKind.Gong, 20.1, 105.3, "Sân đình", "slug ''")]
    [InlineData("gong-2", DeviceKind.Unspecified, 20.1, 105.3, "Sân đình", "kind")]
    [InlineData("gong-2", (DeviceKind)99, 20.1, 105.3, "Sân đình", "kind must be gong, alarm_button or speaker")]
    [InlineData("gong-2", DeviceKind.Gong, 0, 0, "Sân đình", "latitude 0, longitude 0")]
    [InlineData("gong-2", DeviceKind.Gong, 91, 105.3, "Sân đình", "latitude 91")]
    [InlineData("gong-2", DeviceKind.Gong, 20.1, 105.3, " ", "place is required")]
    public async Task A_device_with_a_bad_slug_kind_place_or_location_is_an_invalid_argument(string slug, DeviceKind kind, double latitude, double longitude, string place, string named)
    {
        var error = await Expect.Status(StatusCode.InvalidArgument, () => _admin.RegisterDeviceAsync(new RegisterDeviceRequest
        {
            VillageKey = NgocLien + "/bai-bang",
            Slug = slug,
            Kind = kind,
            Place = place,
            Latitude = latitude,
            Longitude = longitude,
        }, As(AdminToken)));

        Assert.Contains(named, error.Status.Detail);
    }

    [Fact]
    public async Task Registering_in_a_village_not_in_the_roster_is_not_found_and_outside_the_admins_district_denied()
    {
        var request = new RegisterDeviceRequest { VillageKey = NgocLien + "/khong-co", Slug = "gong-1", Kind = DeviceKind.Gong, Place = "Sân đình", Latitude = 20.1, Longitude = 105.3 };

        await Expect.Status(StatusCode.NotFound, () => _admin.RegisterDeviceAsync(request, As(AdminToken)));
        await Expect.Status(StatusCode.PermissionDenied, () => _admin.RegisterDeviceAsync(request, As(OtherAdminToken)));
    }

    private async Task<IList<CoverageGap>> Gaps(string villageKey)
    {
        var communeKey = villageKey[..villageKey.LastIndexOf('/')];
        var gaps = await _district.ListCoverageGapsAsync(new CoverageGapsRequest { DistrictKey = Key, CommuneKey = communeKey }, As(DistrictToken));
        return gaps.Villages.SingleOrDefault(village => village.VillageKey == villageKey)?.Gaps ?? [];
    }

    [GeneratedRegex(@"ngoc-lac\.roster\.json:\d+:\d+: \$\.communes\[\d+\]\.villages\[\d+\]")]
    private static partial Regex PositionedError();
}
