using GongGrid.Grains.Roster;

namespace GongGrid.Grains.Tests.Roster;

/// <summary>Each case breaks the valid test roster one way; the error must name the place and what is allowed.</summary>
public sealed class RosterReaderErrorTests
{
    public static TheoryData<string, string, string, string, string, string> BrokenRosters => new()
    {
        // case, find, replace with, line marker, expected path, expected message part
        { "bad slug", "\"slug\": \"dong-tam\"", "\"slug\": \"Dong Tam\"", "\"Dong Tam\"", "$.communes[0].villages[1].slug", "'Dong Tam' is not a valid slug; use lowercase ASCII letters and digits joined by single hyphens, e.g. 'dong-tam'" },
        { "slug over 63 characters", "\"slug\": \"dong-tam\"", "\"slug\": \"dong-tam-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"", "\"dong-tam-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"", "$.communes[0].villages[1].slug", "the slug is 69 characters long; a slug has at most 63" },
        { "duplicate village slug", "\"slug\": \"dong-tam\"", "\"slug\": \"lang-moi\"", "\"slug\": \"lang-moi\",\n          \"name\": \"Xóm", "$.communes[0].villages[1].slug", "duplicate village slug 'lang-moi'; already used at line 12 ($.communes[0].villages[0].slug)" },
        { "unknown property", "\"villages\": [", "\"vilages\": [", "\"vilages\"", "$.communes[0].vilages", "unknown property 'vilages' in a commune (did you mean 'villages'?); allowed: slug, name, officer, overrides, villages" },
        { "bad condition", "\"condition\": \"damaged\"", "\"condition\": \"broken\"", "\"broken\"", "$.communes[0].villages[1].devices[0].condition", "'broken' is not a device condition; expected one of ok, damaged, lost" },
        { "bad kind", "\"kind\": \"alarm-button\"", "\"kind\": \"alarm_button\"", "\"alarm_button\"", "$.communes[0].villages[1].devices[1].kind", "'alarm_button' is not a device kind; expected one of gong, alarm-button, speaker" },
        { "lat out of range", "\"lat\": 20.08,", "\"lat\": 120.08,", "120.08", "$.communes[0].villages[0].location.lat", "'lat' is 120.08, out of range; expected -90 to 90" },
        { "lon out of range", "\"lon\": 105.36 }", "\"lon\": -181 }", "-181", "$.communes[0].villages[1].location.lon", "'lon' is -181, out of range; expected -180 to 180" },
        { "malformed JSON", "\"households\": 230,", "\"households\": 230", "\"peaceSignal\": \"speaker\"", "$.communes[0].villages[0].households", "malformed JSON: '\"' is invalid after a value" },
        { "speaker village without a speaker", "\"kind\": \"speaker\"", "\"kind\": \"gong\"", "\"peaceSignal\": \"speaker\"", "$.communes[0].villages[0].peaceSignal", "the village gives the peace signal by speaker but lists no speaker device" },
        { "gong village without a gong", "\"slug\": \"gong-1\", \"kind\": \"gong\", \"location\": { \"lat\": 20.091", "\"slug\": \"gong-1\", \"kind\": \"speaker\", \"location\": { \"lat\": 20.091", "\"peaceSignal\": \"gong\"", "$.communes[0].villages[1].peaceSignal", "the village gives the peace signal by gong but lists no gong device" },
        { "bad duration", "\"onTimeAfter\": \"5m\"", "\"onTimeAfter\": \"5 minutes\"", "\"5 minutes\"", "$.settings.onTimeAfter", "'5 minutes' is not a duration; expected a number with a unit h, m, s or ms" },
        { "zero duration", "\"onTimeAfter\": \"5m\"", "\"onTimeAfter\": \"0s\"", "\"0s\"", "$.settings.onTimeAfter", "a duration must be more than 0" },
        { "on-time window past the late window", "\"onTimeAfter\": \"5m\"", "\"onTimeAfter\": \"90m\"", "\"90m\"", "$.settings.onTimeAfter", "onTimeAfter (1h30m) must not be longer than lateWindow (1h)" },
        { "bad time zone", "\"Asia/Ho_Chi_Minh\"", "\"Asia/Hanoi\"", "\"Asia/Hanoi\"", "$.settings.timeZone", "'Asia/Hanoi' is not an IANA time zone known to this machine" },
        { "windows time zone id", "\"Asia/Ho_Chi_Minh\"", "\"SE Asia Standard Time\"", "\"SE Asia Standard Time\"", "$.settings.timeZone", "is not an IANA time zone" },
        { "bad peace time", "\"peaceTime\": \"22:00\"", "\"peaceTime\": \"10pm\"", "\"10pm\"", "$.settings.peaceTime", "'10pm' is not a time of day; expected \"HH:mm\"" },
        { "missing name", "\"name\": \"Xóm Đồng Tâm\",", "", "{\n          \"slug\": \"dong-tam\"", "$.communes[0].villages[1].name", "required property 'name' is missing" },
        { "empty name", "\"name\": \"Xóm Đồng Tâm\"", "\"name\": \" \"", "\" \"", "$.communes[0].villages[1].name", "'name' must not be empty" },
        { "negative households", "\"households\": 180", "\"households\": -1", "\"households\": -1", "$.communes[0].villages[1].households", "'households' is -1, out of range; expected 0 to 100000" },
        { "households as text", "\"households\": 180", "\"households\": \"180\"", "\"180\"", "$.communes[0].villages[1].households", "'households' must be a whole number, found string \"180\"" },
        { "negative allowance", "\"nightlyAllowanceVnd\": 25000", "\"nightlyAllowanceVnd\": -25000", "-25000", "$.communes[0].villages[1].strikers[0].nightlyAllowanceVnd", "out of range; expected 0 to 10000000" },
        { "duplicate device slug", "\"slug\": \"alarm-button-1\"", "\"slug\": \"gong-1\"", "\"slug\": \"gong-1\", \"kind\": \"alarm-button\"", "$.communes[0].villages[1].devices[1].slug", "duplicate device slug 'gong-1'" },
        { "bad peace signal", "\"peaceSignal\": \"gong\"", "\"peaceSignal\": \"bell\"", "\"bell\"", "$.communes[0].villages[1].peaceSignal", "'bell' is not a peace signal source; expected one of gong, speaker" },
        { "override not allowed per commune", "\"name\": \"Cao Thịnh\",", "\"name\": \"Cao Thịnh\", \"overrides\": { \"timeZone\": \"Asia/Bangkok\" },", "\"timeZone\": \"Asia/Bangkok\"", "$.communes[0].overrides.timeZone", "unknown property 'timeZone' in commune overrides; allowed: peaceTime, peaceStrikes" },
        { "peace strikes out of range", "\"peaceTime\": \"22:00\"", "\"peaceStrikes\": 51", "51", "$.settings.peaceStrikes", "'peaceStrikes' is 51, out of range; expected 1 to 50" },
        { "bad phone", "\"phone\": \"0356789012\"", "\"phone\": \"035-ABC\"", "\"035-ABC\"", "$.communes[0].villages[1].officer.phone", "'035-ABC' is not a phone number" },
        { "repeated property", "\"households\": 180,", "\"households\": 180, \"households\": 181,", "\"households\": 180,", "$.communes[0].villages[1].households", "property 'households' appears more than once in this object" },
        { "village list empty", "\"villages\": [", "\"villages\": [], \"x\": [", "\"villages\"", "$.communes[0].villages", "a commune needs at least one village" },
        { "wrong type for an object", "\"location\": { \"lat\": 20.09, \"lon\": 105.36 }", "\"location\": \"20.09,105.36\"", "\"20.09,105.36\"", "$.communes[0].villages[1].location", "expected a location (a JSON object), found string \"20.09,105.36\"" },
    };

    [Theory]
    [MemberData(nameof(BrokenRosters))]
    public void Broken_roster_reports_the_error_at_its_line_and_path(string @case, string find, string replace, string lineMarker, string path, string message)
    {
        var json = TestRoster.With(find, replace);

        var result = RosterReader.Read(json, TestRoster.Source);

        Assert.False(result.IsValid, @case);
        var error = Assert.Single(result.Errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(TestRoster.LineOf(json, lineMarker), error.Line);
        Assert.Equal(TestRoster.Source, error.Source);
    }
}
