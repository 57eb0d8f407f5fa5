using System.Globalization;
using GongGrid.Grains.Aggregates;
using GongGrid.Grains.Interfaces;
using Roster = GongGrid.Grains.Interfaces.Roster;
using Grpc.Core;

namespace GongGrid.Silo.Api.Mapping;

/// <summary>Checks request fields and names the one that is wrong (INVALID_ARGUMENT) before any grain is asked.</summary>
public static class RequestFields
{
    public static string DistrictKey(string value, string field = "district_key") => Key(value, field, 1, "a district key such as 'ngoc-lac'");

    public static string CommuneKey(string value, string field = "commune_key") => Key(value, field, 2, "a commune key such as 'ngoc-lac/ngoc-lien'");

    public static string VillageKey(string value, string field = "village_key") =>
        Key(value, field, 3, "a village key such as 'ngoc-lac/ngoc-lien/lang-moi'");

    public static string DeviceKey(string value, string field = "device_key") =>
        Key(value, field, 4, "a device key such as 'ngoc-lac/ngoc-lien/lang-moi/gong-1'");

    /// <summary>The key a district-wide list is about: the commune when one is named (it must lie in the district).</summary>
    public static string DistrictOrCommune(string districtKey, string communeKey)
    {
        var district = DistrictKey(districtKey);
        if (communeKey.Length == 0)
        {
            return district;
        }

        var commune = CommuneKey(communeKey);
        return GrainKeys.District(commune) == district
            ? commune
            : throw Invalid($"commune_key '{commune}' is not in district '{district}'");
    }

    /// <summary>
    /// A night as YYYY-MM-DD, one of the nights the district and commune grains keep counts for; empty means
    /// <paramref name="current"/>. An older night is refused rather than answered as all pending.
    /// </summary>
    public static DateOnly Night(string value, DateOnly current)
    {
        var night = value.Length == 0 ? current
            : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed
            : throw Invalid($"night '{value}' is not a date in the form YYYY-MM-DD");
        var oldest = current.AddDays(1 - RecentNights.Kept);
        return night >= oldest ? night : throw Invalid(
            $"night {value} is older than the last {RecentNights.Kept} nights ({oldest.ToProto()} to {current.ToProto()}) kept as live counts; "
            + "ask GetVillageHistory or GetQuarterlyReport for it");
    }

    public static int InRange(int value, int min, int max, string field) =>
        value >= min && value <= max ? value : throw Invalid($"{field} {value} is outside {min} to {max}");

    public static string Required(string value, string field, int maxLength = 500) =>
        value.Trim().Length == 0 ? throw Invalid($"{field} is required")
        : value.Length > maxLength ? throw Invalid($"{field} is longer than {maxLength} characters")
        : value;

    /// <summary>One slug: lowercase ASCII letters and digits joined by single hyphens, at most <see cref="Roster.Slug.MaxLength"/> characters.</summary>
    public static string Slug(string value, string field) =>
        value.Length > Roster.Slug.MaxLength ? throw TooLong(field, value.Length, $"a slug has at most {Roster.Slug.MaxLength}")
        : Roster.Slug.IsValid(value) ? value
        : throw Invalid($"{field} '{value}' is not a lowercase ASCII slug (letters and digits joined by single hyphens)");

    public static RpcException Invalid(string detail) => new(new Status(StatusCode.InvalidArgument, detail));

    private static string Key(string value, string field, int depth, string expected)
    {
        // A key too long to be one is not echoed back whole.
        var maxLength = (depth * (Roster.Slug.MaxLength + 1)) - 1;
        if (value.Length > maxLength)
        {
            throw TooLong(field, value.Length, $"{expected} has at most {maxLength}, {Roster.Slug.MaxLength} per slug");
        }

        var slugs = value.Split('/');
        return slugs.Length == depth && slugs.All(Roster.Slug.IsValid)
            ? value
            : throw Invalid(value.Length == 0 ? $"{field} is required ({expected})" : $"{field} '{value}' is not {expected}");
    }

    private static RpcException TooLong(string field, int length, string limit) => Invalid($"{field} is {length} characters long; {limit}");
}
