using GongGrid.Api.Mapping;
using GongGrid.Api.V1;
using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Roster;
using Grpc.Core;
using GongGrid.Silo.Api.Mapping;
using GongGrid.Silo.Api.Security;
using DeviceCondition = GongGrid.Grains.Interfaces.DeviceCondition;
using DeviceStatus = GongGrid.Api.V1.DeviceStatus;

namespace GongGrid.Silo.Api.Services;

/// <summary>Roster and device changes, for admin tokens of the district concerned.</summary>
public sealed class AdminApi(IGrainFactory grains) : AdminService.AdminServiceBase
{
    private const int ErrorsReported = 50;
    private readonly RosterImport _import = new(grains);

    public override async Task<ImportRosterReply> ImportRoster(ImportRosterRequest request, ServerCallContext context)
    {
        var caller = Admin(context);
        var read = RosterReader.Read(request.RosterJson, request.FileName.Length == 0 ? "roster.json" : request.FileName);
        if (read.Roster is not { } roster)
        {
            var errors = read.Errors.Take(ErrorsReported).Select(error => error.ToString());
            var more = read.Errors.Count > ErrorsReported ? $"\n… and {read.Errors.Count - ErrorsReported} more" : "";
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"the roster has {read.Errors.Count} error(s); nothing was imported:\n{string.Join("\n", errors)}{more}"));
        }

        caller.RequireScope(roster.Key);
        var before = await Listed(roster.Key);
        var summary = await _import.ApplyAsync(roster, context.CancellationToken);
        var after = await Listed(roster.Key);
        var retired = before.Devices.Except(after.Devices).ToList();
        await Task.WhenAll(retired.Select(device => grains.GetGrain<IGongDeviceGrain>(device).RetireAsync()));
        return new ImportRosterReply
        {
            DistrictKey = summary.DistrictKey,
            Communes = summary.Communes,
            Villages = summary.Villages,
            Devices = summary.Devices,
            VillagesRetired = before.Villages.Except(after.Villages).Count(),
            DevicesRetired = retired.Count,
        };
    }

    public override async Task<DeviceStatus> SetDeviceCondition(SetDeviceConditionRequest request, ServerCallContext context)
    {
        var deviceKey = RequestFields.DeviceKey(request.DeviceKey);
        Admin(context).RequireScope(deviceKey);
        var condition = request.Condition.ToDomain() ?? throw RequestFields.Invalid("condition must be ok, damaged or lost");
        var device = grains.GetGrain<IGongDeviceGrain>(deviceKey);
        await device.SetConditionAsync(condition);
        return (await device.GetStatusAsync()).ToProto();
    }

    public override async Task<DeviceStatus> RegisterDevice(RegisterDeviceRequest request, ServerCallContext context)
    {
        var villageKey = RequestFields.VillageKey(request.VillageKey);
        Admin(context).RequireScope(villageKey);
        var slug = RequestFields.Slug(request.Slug, "slug");
        var kind = request.Kind.ToDomain() ?? throw RequestFields.Invalid("kind must be gong, alarm_button or speaker");
        var location = request.Latitude is >= -90 and <= 90 && request.Longitude is >= -180 and <= 180
            && (request.Latitude, request.Longitude) != (0, 0)
                ? new GeoPoint(request.Latitude, request.Longitude)
                : throw RequestFields.Invalid($"latitude {request.Latitude}, longitude {request.Longitude} is not a place in the district");
        var place = RequestFields.Required(request.Place, "place", 200);
        var settings = (await grains.GetGrain<ICommuneGrain>(GrainKeys.Parent(villageKey)).GetSetupAsync()).Settings;
        var roster = await grains.GetGrain<IVillageRosterGrain>(villageKey).GetAsync();
        var device = new DeviceRoster(slug, kind, location, place, DeviceCondition.Ok);
        var devices = roster.Devices.Where(existing => existing.Slug != slug).Append(device).ToList();
        await grains.GetGrain<IVillageGrain>(villageKey).ConfigureAsync(new VillageSetup(villageKey, roster with { Devices = devices }, settings));
        var deviceKey = GrainKeys.Child(villageKey, slug);
        var grain = grains.GetGrain<IGongDeviceGrain>(deviceKey);
        await grain.ConfigureAsync(new DeviceSetup(deviceKey, device, settings));
        return (await grain.GetStatusAsync()).ToProto();
    }

    private static Caller Admin(ServerCallContext context)
    {
        var caller = TokenAuthentication.CallerOf(context);
        caller.RequireRole(nameof(AdminService), CallerRole.Admin);
        return caller;
    }

    /// <summary>The villages and devices a district's roster lists now; none before its first import.</summary>
    private async Task<(HashSet<string> Villages, HashSet<string> Devices)> Listed(string districtKey)
    {
        DistrictSetup setup;
        try
        {
            setup = await grains.GetGrain<IDistrictGrain>(districtKey).GetSetupAsync();
        }
        catch (NotInRosterException)
        {
            return ([], []);
        }

        var communes = await Task.WhenAll(setup.Communes.Select(commune => grains.GetGrain<ICommuneGrain>(commune.Key).GetSetupAsync()));
        var villages = communes.SelectMany(commune => commune.Villages.Select(village => village.Key)).ToHashSet();
        var rosters = await Task.WhenAll(villages.Select(async village => (Key: village, Roster: await grains.GetGrain<IVillageRosterGrain>(village).GetAsync())));
        var devices = rosters.SelectMany(village => village.Roster.Devices.Select(device => GrainKeys.Child(village.Key, device.Slug))).ToHashSet();
        return (villages, devices);
    }
}
