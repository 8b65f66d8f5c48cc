using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SecretsPS.Client.Model;

namespace SecretsPS.Client.Internal;

/// <summary>
/// awsJson1.1 timestamps: epoch seconds as a JSON number (AWS sends milliseconds, moto whole seconds); numeric
/// strings and ISO 8601 strings are accepted too. Written as seconds with millisecond precision.
/// </summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return FromEpochSeconds(reader.GetDouble());
            case JsonTokenType.String:
                var text = reader.GetString();
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                {
                    return FromEpochSeconds(seconds);
                }

                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    return parsed.UtcDateTime;
                }

                throw new JsonException($"'{text}' is not a timestamp.");
            default:
                throw new JsonException($"A timestamp cannot be read from a JSON {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        writer.WriteNumberValue(new DateTimeOffset(utc).ToUnixTimeMilliseconds() / 1000.0);
    }

    // DateTime's range in Unix seconds: year 1 to year 9999.
    private const double MinEpochSeconds = -62135596800;
    private const double MaxEpochSeconds = 253402300799;

    private static DateTime FromEpochSeconds(double seconds)
    {
        if (double.IsNaN(seconds) || seconds < MinEpochSeconds || seconds > MaxEpochSeconds)
        {
            throw new JsonException("A timestamp is outside the range of dates.");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000.0)).UtcDateTime;
    }
}

/// <summary>
/// Source-generated serialization of the models: member names are the service's (PascalCase as declared),
/// unset members are omitted, unknown and null members are tolerated.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = new[] { typeof(EpochSecondsConverter) })]
[JsonSerializable(typeof(CreateSecretRequest))]
[JsonSerializable(typeof(CreateSecretResponse))]
[JsonSerializable(typeof(GetSecretValueRequest))]
[JsonSerializable(typeof(GetSecretValueResponse))]
[JsonSerializable(typeof(BatchGetSecretValueRequest))]
[JsonSerializable(typeof(BatchGetSecretValueResponse))]
[JsonSerializable(typeof(UpdateSecretRequest))]
[JsonSerializable(typeof(UpdateSecretResponse))]
[JsonSerializable(typeof(PutSecretValueRequest))]
[JsonSerializable(typeof(PutSecretValueResponse))]
[JsonSerializable(typeof(DeleteSecretRequest))]
[JsonSerializable(typeof(DeleteSecretResponse))]
[JsonSerializable(typeof(RestoreSecretRequest))]
[JsonSerializable(typeof(RestoreSecretResponse))]
[JsonSerializable(typeof(DescribeSecretRequest))]
[JsonSerializable(typeof(DescribeSecretResponse))]
[JsonSerializable(typeof(ListSecretsRequest))]
[JsonSerializable(typeof(ListSecretsResponse))]
[JsonSerializable(typeof(ListSecretVersionIdsRequest))]
[JsonSerializable(typeof(ListSecretVersionIdsResponse))]
[JsonSerializable(typeof(UpdateSecretVersionStageRequest))]
[JsonSerializable(typeof(UpdateSecretVersionStageResponse))]
[JsonSerializable(typeof(GetRandomPasswordRequest))]
[JsonSerializable(typeof(GetRandomPasswordResponse))]
[JsonSerializable(typeof(TagResourceRequest))]
[JsonSerializable(typeof(TagResourceResponse))]
[JsonSerializable(typeof(UntagResourceRequest))]
[JsonSerializable(typeof(UntagResourceResponse))]
internal sealed partial class SecretsManagerJsonContext : JsonSerializerContext
{
}
