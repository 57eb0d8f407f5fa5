using GongGrid.Silo.Api.Mapping;
using GongGrid.Silo.Api.Security;
using Grpc.Core;

namespace GongGrid.Silo.Dashboard;

/// <summary>The district or commune a dashboard view asks about, checked against the caller as the API checks it.</summary>
public static class PoliceScope
{
    /// <summary>The commune key when one is named, else the district key; PERMISSION_DENIED outside the token's scope.</summary>
    public static string Of(ServerCallContext context, string district, string? commune) =>
        TokenAuthentication.AuthorizePolice(context, "the dashboard", RequestFields.DistrictOrCommune(district, commune ?? ""));
}
