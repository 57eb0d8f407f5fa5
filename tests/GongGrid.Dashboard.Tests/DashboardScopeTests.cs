using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GongGrid.Dashboard.Tests.Support;
using GongGrid.Testing;

namespace GongGrid.Dashboard.Tests;

/// <summary>
/// The dashboard's API enforces the token's scope whatever a page sends: a commune officer who bypasses the page
/// and asks for another commune, the district, or another commune's alarm is refused, as the gRPC API refuses it.
/// </summary>
public sealed class DashboardScopeTests : IAsyncLifetime
{
    private ServedSilo _silo = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _silo = await DashboardSilo.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_silo.DashboardAddress!) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _silo.DisposeAsync();
    }

    [Theory]
    [InlineData("DistrictService/GetCommuneDetail", """{"communeKey":"ngoc-lac/cao-thinh"}""")]
    [InlineData("DistrictService/GetNightSummary", """{"districtKey":"ngoc-lac"}""")]
    [InlineData("DistrictService/GetVillageHistory", """{"villageKey":"ngoc-lac/cao-thinh/ban-rich"}""")]
    [InlineData("DistrictService/GetStrikerAllowances", """{"districtKey":"ngoc-lac","year":2026,"month":11}""")]
    [InlineData("DistrictService/GetQuarterlyReport", """{"communeKey":"ngoc-lac/cao-thinh","year":2026,"quarter":4}""")]
    [InlineData("AlarmService/ListLiveAlarms", """{"districtKey":"ngoc-lac","communeKey":"ngoc-lac/cao-thinh"}""")]
    [InlineData("AlarmService/AcknowledgeAlarm", """{"villageKey":"ngoc-lac/cao-thinh/ban-rich","alarmId":"any"}""")]
    [InlineData("AlarmService/ResolveAlarm", """{"villageKey":"ngoc-lac/cao-thinh/ban-rich","alarmId":"any","note":"không phải xã tôi"}""")]
    public async Task A_commune_officer_calling_past_the_page_is_refused_outside_their_commune(string method, string request)
    {
        using var response = await _http.SendAsync(Post(method, request, DashboardSilo.CommuneToken));

        await ExpectRefusalAsync(response, HttpStatusCode.Forbidden, "PERMISSION_DENIED");
    }

    [Theory]
    [InlineData("live/tonight?district=ngoc-lac")]
    [InlineData("live/tonight?district=ngoc-lac&commune=ngoc-lac/cao-thinh")]
    [InlineData("live/alarms?district=ngoc-lac")]
    [InlineData("map?district=ngoc-lac&commune=ngoc-lac/cao-thinh")]
    [InlineData("trend?district=ngoc-lac")]
    public async Task A_commune_officer_cannot_open_another_place_s_live_feed_map_or_trend(string path)
    {
        using var response = await _http.SendAsync(Get(path, DashboardSilo.CommuneToken));

        await ExpectRefusalAsync(response, HttpStatusCode.Forbidden, "PERMISSION_DENIED");
    }

    [Fact]
    public async Task A_commune_officer_sees_their_own_commune()
    {
        using var response = await _http.SendAsync(Post("DistrictService/GetCommuneDetail", """{"communeKey":"ngoc-lac/ngoc-lien"}""", DashboardSilo.CommuneToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Ngọc Liên", detail.RootElement.GetProperty("name").GetString());
        Assert.Equal(14, detail.RootElement.GetProperty("villages").GetArrayLength());
    }

    [Fact]
    public async Task A_call_without_a_valid_token_is_unauthenticated()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "dashboard/api/DistrictService/GetNightSummary")
        {
            Content = new StringContent("""{"districtKey":"ngoc-lac"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "gg_not-a-token");
        using var response = await _http.SendAsync(request);

        await ExpectRefusalAsync(response, HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task A_request_body_that_is_not_the_method_s_message_is_refused_naming_the_message()
    {
        using var response = await _http.SendAsync(Post("DistrictService/GetNightSummary", """{"districtKey":""", DashboardSilo.DistrictToken));

        var message = await ExpectRefusalAsync(response, HttpStatusCode.BadRequest, "INVALID_ARGUMENT");
        Assert.Contains("gonggrid.v1.NightSummaryRequest", message, StringComparison.Ordinal);
    }

    private HttpRequestMessage Post(string method, string json, string holder)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"dashboard/api/{method}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _silo.Token(holder));
        return request;
    }

    private HttpRequestMessage Get(string path, string holder)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"dashboard/api/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _silo.Token(holder));
        return request;
    }

    private static async Task<string> ExpectRefusalAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode}: {body}");
        using var refusal = JsonDocument.Parse(body);
        Assert.Equal(code, refusal.RootElement.GetProperty("code").GetString());
        return refusal.RootElement.GetProperty("message").GetString()!;
    }
}
