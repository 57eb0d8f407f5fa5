using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Roster;

namespace GongGrid.Grains.Tests.Roster;

public sealed class RosterReaderTests
{
    [Fact]
    public void Valid_roster_reads_with_no_errors_and_keeps_diacritics()
    {
        var result = RosterReader.Read(TestRoster.Valid, TestRoster.Source);

        Assert.Empty(result.Errors);
        var village = Assert.IsType<DistrictRoster>(result.Roster).Communes[0].Villages[1];
        Assert.Equal("Xóm Đồng Tâm", village.Name);
        Assert.Equal(DeviceCondition.Damaged, village.Devices[0].Condition);
        Assert.Equal(DeviceKind.AlarmButton, village.Devices[1].Kind);
        Assert.Equal(PeaceSignalSource.Gong, village.PeaceSignal);
    }

    [Fact]
    public void Settings_left_out_take_the_defaults()
    {
        var roster = RosterReader.Read(TestRoster.With("\"onTimeAfter\": \"5m\"", "\"roundMaxGap\": \"1m30s\""), TestRoster.Source).GetRosterOrThrow();

        Assert.Equal(new SignalSettings { RoundMaxGap = TimeSpan.FromSeconds(90) }, roster.Settings);
    }

    [Fact]
    public void Commune_overrides_are_read_and_only_set_fields_are_kept()
    {
        var json = TestRoster.With("\"name\": \"Cao Thịnh\",", "\"name\": \"Cao Thịnh\", \"overrides\": { \"peaceTime\": \"21:00\", \"peaceStrikes\": 5 },");

        var commune = RosterReader.Read(json, TestRoster.Source).GetRosterOrThrow().Communes[0];

        Assert.Equal(new SignalSettingsOverride { PeaceTime = new TimeOnly(21, 0), PeaceStrikes = 5 }, commune.Overrides);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        var json = TestRoster.With("\"households\": 180,", "\"households\": 180, // sáp nhập 2024").Replace("25000 }", "25000, }", StringComparison.Ordinal);

        Assert.Empty(RosterReader.Read(json, TestRoster.Source).Errors);
    }

    [Fact]
    public void Several_errors_in_one_file_are_all_reported_in_file_order_and_no_roster_is_returned()
    {
        var json = TestRoster.Valid
            .Replace("\"timeZone\": \"Asia/Ho_Chi_Minh\"", "\"timeZone\": \"Mars/Olympus\"", StringComparison.Ordinal)
            .Replace("\"households\": 230", "\"households\": -5", StringComparison.Ordinal)
            .Replace("\"condition\": \"damaged\"", "\"condition\": \"broken\"", StringComparison.Ordinal);

        var result = RosterReader.Read(json, TestRoster.Source);

        Assert.Null(result.Roster);
        Assert.Equal(
            ["$.settings.timeZone", "$.communes[0].villages[0].households", "$.communes[0].villages[1].devices[0].condition"],
            result.Errors.Select(e => e.Path));
        Assert.Equal([4, 15, 33], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Error_reads_like_a_compiler_message_with_file_line_column_and_path()
    {
        var json = TestRoster.With("\"condition\": \"damaged\"", "\"condition\": \"broken\"");

        var error = Assert.Single(RosterReader.Read(json, TestRoster.Source).Errors);

        Assert.Equal(
            "test.roster.json:33:137: $.communes[0].villages[1].devices[0].condition: 'broken' is not a device condition; expected one of ok, damaged, lost",
            error.ToString());
    }

    [Fact]
    public void Getting_the_roster_of_an_invalid_file_throws_with_every_error()
    {
        var json = TestRoster.Valid.Replace("\"lat\": 20.08,", "\"lat\": 99,", StringComparison.Ordinal).Replace("\"lon\": 105.36 }", "\"lon\": 200 }", StringComparison.Ordinal);

        var thrown = Assert.Throws<RosterValidationException>(() => RosterReader.Read(json, TestRoster.Source).GetRosterOrThrow());

        Assert.Equal(2, thrown.Errors.Count);
        Assert.Contains("test.roster.json:14:", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Devices_that_are_not_an_array_are_one_error_not_also_a_missing_gong()
    {
        var json = TestRoster.Valid.Replace("\"clusters\": [],", "\"clusters\": [], \"devices\": {},", StringComparison.Ordinal)
            .Replace("\"devices\": [\n            { \"slug\": \"gong-1\", \"kind\": \"gong\", \"location\": { \"lat\": 20.091", "\"x\": [\n            { \"slug\": \"gong-1\", \"kind\": \"gong\", \"location\": { \"lat\": 20.091", StringComparison.Ordinal);

        var errors = RosterReader.Read(json, TestRoster.Source).Errors;

        Assert.Equal(["$.communes[0].villages[1].x", "$.communes[0].villages[1].devices"], errors.Select(e => e.Path));
        Assert.Contains("'devices' must be an array, found an object", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_reports_line_and_column_in_characters_not_bytes()
    {
        var json = TestRoster.With("\"name\": \"Xóm Đồng Tâm\",", "\"name\": \"Xóm Đồng Tâm\" \"x\",");

        var error = Assert.Single(RosterReader.Read(json, TestRoster.Source).Errors);

        // The stray "x" starts at character 34 of the line, byte 39: the diacritics before it take 5 more bytes.
        Assert.Equal((27, 34), (error.Line, error.Column));
        Assert.StartsWith("malformed JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "malformed JSON: ")]
    [InlineData("[]", "expected a district roster (a JSON object), found an array")]
    [InlineData("{ \"key\": \"x\" ", "malformed JSON: ")]
    public void Text_that_is_not_a_roster_object_is_one_error_at_the_top(string json, string message)
    {
        var error = Assert.Single(RosterReader.Read(json, TestRoster.Source).Errors, e => e.Message.StartsWith(message, StringComparison.Ordinal));

        Assert.Equal(1, error.Line);
    }
}
