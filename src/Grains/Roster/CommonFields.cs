using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Roster;

/// <summary>Reads the shapes several roster objects share: a location and an officer.</summary>
internal static class CommonFields
{
    private const int MinPhoneDigits = 9;
    private const int MaxPhoneDigits = 12;

    /// <summary><c>{ "lat": 20.08, "lon": 105.37 }</c> in WGS84 decimal degrees.</summary>
    public static GeoPoint Location(RosterObject parent)
    {
        var o = parent.Object("location", required: true, "a location", "lat", "lon");
        return o is null ? default : new GeoPoint(o.Number("lat", -90, 90), o.Number("lon", -180, 180));
    }

    /// <summary><c>{ "name": "Bùi Văn Hùng", "phone": "0912345678" }</c>.</summary>
    public static Officer Officer(RosterObject parent)
    {
        var o = parent.Object("officer", required: true, "an officer", "name", "phone");
        if (o is null)
        {
            return new Officer("", "");
        }

        var name = o.Text("name");
        var phone = o.String("phone");
        if (phone is not null && !IsPhoneNumber(phone))
        {
            o.Errors.AtValue(o.PathOf("phone"),
                $"'{phone}' is not a phone number; expected {MinPhoneDigits} to {MaxPhoneDigits} digits, optionally with a leading + and spaces, dots or hyphens, e.g. \"0912345678\"");
        }

        return new Officer(name, phone ?? "");
    }

    private static bool IsPhoneNumber(string phone)
    {
        var body = phone.StartsWith('+') ? phone[1..] : phone;
        var digits = body.Count(char.IsAsciiDigit);
        return body.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-')
            && digits is >= MinPhoneDigits and <= MaxPhoneDigits;
    }
}
