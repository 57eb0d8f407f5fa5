using Google.Protobuf;
using GongGrid.Api.V1;
using GongGrid.Silo.Api.Security;
using GongGrid.Silo.Api.Services;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GongGrid.Silo.Dashboard;

/// <summary>
/// The dashboard's HTTP surface under /dashboard/api: the police methods of the gRPC API as JSON (POST
/// /dashboard/api/DistrictService/GetNightSummary with the request message's JSON), run in process through the same
/// service classes, so roles, scopes and field checks are the API's own; the live feeds; the map and the trend.
/// </summary>
public static class DashboardEndpoints
{
    public static void MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/dashboard/api");
        api.MapGet("/me", (HttpContext http, DashboardCalls calls) => calls.RunAsync(http, "/dashboard/me", context =>
            Task.FromResult(Results.Json(SignedIn.Of(TokenAuthentication.CallerOf(context))))));

        api.MapUnary<DistrictApi, NightSummaryRequest, NightSummary>(nameof(DistrictService), "GetNightSummary", (service, request, context) => service.GetNightSummary(request, context));
        api.MapUnary<DistrictApi, CommuneDetailRequest, CommuneDetail>(nameof(DistrictService), "GetCommuneDetail", (service, request, context) => service.GetCommuneDetail(request, context));
        api.MapUnary<DistrictApi, VillageHistoryRequest, VillageHistory>(nameof(DistrictService), "GetVillageHistory", (service, request, context) => service.GetVillageHistory(request, context));
        api.MapUnary<DistrictApi, DevicesNeedingAttentionRequest, DeviceList>(nameof(DistrictService), "ListDevicesNeedingAttention", (service, request, context) => service.ListDevicesNeedingAttention(request, context));
        api.MapUnary<DistrictApi, CoverageGapsRequest, CoverageGapList>(nameof(DistrictService), "ListCoverageGaps", (service, request, context) => service.ListCoverageGaps(request, context));
        api.MapUnary<DistrictApi, StrikerAllowancesRequest, StrikerAllowanceReport>(nameof(DistrictService), "GetStrikerAllowances", (service, request, context) => service.GetStrikerAllowances(request, context));
        api.MapUnary<DistrictApi, QuarterlyReportRequest, QuarterlyReport>(nameof(DistrictService), "GetQuarterlyReport", (service, request, context) => service.GetQuarterlyReport(request, context));
        api.MapUnary<AlarmApi, ListLiveAlarmsRequest, AlarmList>(nameof(AlarmService), "ListLiveAlarms", (service, request, context) => service.ListLiveAlarms(request, context));
        api.MapUnary<AlarmApi, AcknowledgeAlarmRequest, Alarm>(nameof(AlarmService), "AcknowledgeAlarm", (service, request, context) => service.AcknowledgeAlarm(request, context));
        api.MapUnary<AlarmApi, ResolveAlarmRequest, Alarm>(nameof(AlarmService), "ResolveAlarm", (service, request, context) => service.ResolveAlarm(request, context));

        api.MapGet("/live/tonight", LiveFeeds.TonightAsync);
        api.MapGet("/live/alarms", LiveFeeds.Alarms);
        api.MapGet("/map", (HttpContext http, DashboardCalls calls, DistrictMap map, string district, string? commune) =>
            calls.RunAsync(http, "/dashboard/map", async context => Results.Json(await map.DrawAsync(PoliceScope.Of(context, district, commune)))));
        api.MapGet("/trend", (HttpContext http, DashboardCalls calls, NightTrend trend, string district, string? commune, int? nights) =>
            calls.RunAsync(http, "/dashboard/trend", async context => Results.Json(await trend.LinesAsync(PoliceScope.Of(context, district, commune), nights ?? 30))));
    }

    private static void MapUnary<TService, TRequest, TReply>(
        this RouteGroupBuilder api, string service, string method, Func<TService, TRequest, ServerCallContext, Task<TReply>> call)
        where TService : notnull
        where TRequest : IMessage<TRequest>, new()
        where TReply : IMessage =>
        api.MapPost($"/{service}/{method}", (HttpContext http, TService target, DashboardCalls calls) =>
            calls.RunAsync(http, $"/gonggrid.v1.{service}/{method}", async context =>
                ProtoJson.Result(await call(target, await ProtoJson.ReadAsync<TRequest>(http.Request, context.CancellationToken), context))));
}

/// <summary>Who is signed in, as the page shows it: the token holder's name, role and scopes.</summary>
public sealed record SignedIn(string Name, string Role, IReadOnlyList<string> Scopes)
{
    public static SignedIn Of(Caller caller) => new(caller.Name, caller.Role.ToString(), caller.Scopes);
}
