using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Security;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SecretsPS;

/// <summary>
/// JSON secrets: a hashtable becomes a JSON object on the way in; a JSON object becomes keys, a hashtable or a
/// credential on the way out. Parse failures never carry the parser's message, which quotes the offending input.
/// </summary>
internal static class JsonSecret
{
    private const int MaxDepth = 64;

    /// <summary>Serializes a dictionary (e.g. a hashtable) as a JSON object.</summary>
    /// <exception cref="ArgumentException">A value cannot be represented in JSON; the message names the key only.</exception>
    public static string Serialize(IDictionary value)
    {
        using var stream = new MemoryStream();
        // The text is stored, shown by -AsPlainText and the AWS CLI, and never embedded in HTML: escape only what JSON
        // requires, so "a+b<c>" stays readable and non-ASCII characters do not cost six bytes of the 65,536 limit.
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteValue(writer, value, "SecretValue", 0);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Parses a secret string as a JSON object, or returns null when it is not one.</summary>
    public static JsonDocument? TryParseObject(string secretString)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(secretString, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException)
        {
            return null;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return null;
        }

        return document;
    }

    /// <summary>Finds a top-level key: exact match first, else the only case-insensitive match.</summary>
    public static bool TryGetProperty(JsonElement obj, string key, out JsonElement value)
    {
        if (obj.TryGetProperty(key, out value))
        {
            return true;
        }

        var found = false;
        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, key, StringComparison.OrdinalIgnoreCase))
            {
                if (found)
                {
                    // Two keys differ only in case: refuse to guess.
                    value = default;
                    return false;
                }

                value = property.Value;
                found = true;
            }
        }

        return found;
    }

    /// <summary>The text of a JSON value: a string's content, or the raw JSON of anything else.</summary>
    public static string AsText(JsonElement element)
    {
        return element.ValueKind == JsonValueKind.String ? element.GetString() ?? string.Empty : element.GetRawText();
    }

    /// <summary>
    /// Converts a JSON object into a hashtable. With plainText, values keep their JSON types (string, long, double,
    /// decimal, bool, null, nested hashtables and arrays); otherwise every scalar except null becomes a SecureString.
    /// </summary>
    public static Hashtable ToHashtable(JsonElement obj, bool plainText)
    {
        // Case-insensitive like PowerShell's own hashtables, unless the object has keys that differ only in case:
        // then a case-sensitive table keeps every key instead of silently dropping one.
        var table = new Hashtable(HasCaseOnlyDuplicates(obj) ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
        foreach (var property in obj.EnumerateObject())
        {
            table[property.Name] = Convert(property.Value, plainText);
        }

        return table;
    }

    private static bool HasCaseOnlyDuplicates(JsonElement obj)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in obj.EnumerateObject())
        {
            if (!names.Add(property.Name))
            {
                return true;
            }
        }

        return false;
    }

    private static object? Convert(JsonElement element, bool plainText)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return ToHashtable(element, plainText);
            case JsonValueKind.Array:
                var items = new List<object?>();
                foreach (var item in element.EnumerateArray())
                {
                    items.Add(Convert(item, plainText));
                }

                return items.ToArray();
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return null;
            default:
                if (!plainText)
                {
                    return SecureStringConverter.FromPlainText(AsText(element));
                }

                return element.ValueKind switch
                {
                    JsonValueKind.String => element.GetString(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => element.TryGetInt64(out var l) ? l : element.TryGetDecimal(out var d) ? d : element.GetDouble(),
                };
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, string key, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ArgumentException($"The value of key '{key}' is nested more than {MaxDepth} levels deep.");
        }

        if (value is PSObject psObject)
        {
            value = psObject.BaseObject is PSCustomObject ? psObject : psObject.BaseObject;
        }

        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case char c:
                writer.WriteStringValue(c.ToString());
                break;
            case SecureString secure:
                writer.WriteStringValue(SecureStringConverter.ToPlainText(secure));
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case SwitchParameter sw:
                writer.WriteBooleanValue(sw.IsPresent);
                break;
            case byte or sbyte or short or ushort or int or uint or long:
                writer.WriteNumberValue(System.Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong ul:
                writer.WriteNumberValue(ul);
                break;
            case float or double:
                var number = System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsNaN(number) || double.IsInfinity(number))
                {
                    throw new ArgumentException($"The value of key '{key}' is not a finite number, which JSON cannot represent.");
                }

                writer.WriteNumberValue(number);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case DateTime dt:
                writer.WriteStringValue(dt.ToString("o", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset dto:
                writer.WriteStringValue(dto.ToString("o", CultureInfo.InvariantCulture));
                break;
            case Enum e:
                writer.WriteStringValue(e.ToString());
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    var name = System.Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                    writer.WritePropertyName(name);
                    WriteValue(writer, entry.Value, name, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case PSObject custom:
                writer.WriteStartObject();
                foreach (var property in custom.Properties)
                {
                    writer.WritePropertyName(property.Name);
                    WriteValue(writer, property.Value, property.Name, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable enumerable:
                writer.WriteStartArray();
                foreach (var item in enumerable)
                {
                    WriteValue(writer, item, key, depth + 1);
                }

                writer.WriteEndArray();
                break;
            case IFormattable formattable:
                writer.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"The value of key '{key}' is a {value.GetType().FullName}, which has no JSON form; use a string, number, boolean, SecureString, hashtable or array.");
        }
    }
}
