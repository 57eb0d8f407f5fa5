using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GongGrid.Silo.Dashboard;

/// <summary>
/// The police dashboard, served by the silo: the page and its assets from wwwroot (every file ships with the silo;
/// nothing is fetched from the internet), and its API under /dashboard/api. Browsers reach it where the silo
/// serves HTTP/1.1: GongGrid:Api:WebListen, or Listen when it is https.
/// </summary>
public static class DashboardServer
{
    public static void AddDashboard(this IServiceCollection services) => services
        .AddSingleton<DashboardCalls>()
        .AddSingleton<DistrictMap>()
        .AddSingleton<NightTrend>();

    public static void UseDashboard(this WebApplication app)
    {
        app.UseDefaultFiles();
        // The page's modules carry no version in their names: the browser asks again each time (a 304 when
        // unchanged), so a station PC never runs yesterday's scripts against an upgraded silo.
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache" });
        app.MapDashboardApi();
    }
}
