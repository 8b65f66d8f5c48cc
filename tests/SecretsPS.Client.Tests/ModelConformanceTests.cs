using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SecretsPS.Client.Internal;
using SecretsPS.Client.Model;
using SecretsPS.Client.Tests.Infrastructure;
using Xunit;

namespace SecretsPS.Client.Tests;

/// <summary>
/// Every member the client writes or reads exists, with a matching type, in the Secrets Manager service model that
/// botocore ships on this machine. Skipped (not passed) when python3 or botocore is absent.
/// </summary>
public sealed class ModelConformanceTests
{
    private static readonly Lazy<JsonElement?> s_model = new(LoadModel);
    private static readonly JsonSerializerOptions s_reflection = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public static TheoryData<string> OperationNames()
    {
        var data = new TheoryData<string>();
        foreach (var method in typeof(ISecretsManagerClient).GetMethods().Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)))
        {
            data.Add(method.Name.Substring(0, method.Name.Length - "Async".Length));
        }

        return data;
    }

    [SkippableFact]
    public void Service_metadata_matches_the_wire_protocol_the_client_speaks()
    {
        var model = RequireModel();
        var metadata = model.GetProperty("metadata");
        Assert.Equal("json", metadata.GetProperty("protocol").GetString());
        Assert.Equal("1.1", metadata.GetProperty("jsonVersion").GetString());
        Assert.Equal("secretsmanager", metadata.GetProperty("targetPrefix").GetString());
        Assert.Equal("secretsmanager", metadata.GetProperty("signingName").GetString());
        Assert.Equal("v4", metadata.GetProperty("signatureVersion").GetString());
        Assert.Equal(SecretsManagerConfig.ApiVersion, metadata.GetProperty("apiVersion").GetString());
        Assert.Equal(SecretsManagerConfig.ServiceIdValue, metadata.GetProperty("serviceId").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(OperationNames))]
    public void Request_and_response_members_exist_in_the_service_model_with_matching_types(string operation)
    {
        var model = RequireModel();
        Assert.True(model.GetProperty("operations").TryGetProperty(operation, out var op), $"{operation} is not an operation of the service model");
        var shapes = model.GetProperty("shapes");

        var requestType = typeof(CreateSecretRequest).Assembly.GetType($"SecretsPS.Client.Model.{operation}Request", throwOnError: true)!;
        var responseType = typeof(CreateSecretRequest).Assembly.GetType($"SecretsPS.Client.Model.{operation}Response", throwOnError: true)!;
        var inputShape = op.GetProperty("input").GetProperty("shape").GetString()!;
        var problems = new List<string>();
        CheckStructure(requestType, inputShape, shapes, problems, new HashSet<Type>());

        // Required input members must be settable on the request, or the operation cannot be called.
        var jsonNames = JsonMembers(requestType).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        if (shapes.GetProperty(inputShape).TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!jsonNames.Contains(name))
                {
                    problems.Add($"{requestType.Name}: required member {name} of {inputShape} is missing");
                }
            }
        }

        if (op.TryGetProperty("output", out var output))
        {
            CheckStructure(responseType, output.GetProperty("shape").GetString()!, shapes, problems, new HashSet<Type>());
        }
        else
        {
            // No-output operations (TagResource, UntagResource): the response must carry no wire members.
            var members = JsonMembers(responseType).Select(p => p.Name).ToList();
            if (members.Count != 0)
            {
                problems.Add($"{responseType.Name} has wire members {string.Join(", ", members)} but {operation} has no output shape");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [SkippableFact]
    public void Nested_model_types_match_their_shapes()
    {
        var model = RequireModel();
        var shapes = model.GetProperty("shapes");
        var problems = new List<string>();
        foreach (var type in new[] { typeof(Tag), typeof(Filter), typeof(SecretListEntry), typeof(SecretValueEntry), typeof(Model.SecretVersionsListEntry), typeof(APIErrorType) })
        {
            Assert.True(shapes.TryGetProperty(type.Name, out _), $"{type.Name} is not a shape of the service model");
            CheckStructure(type, type.Name, shapes, problems, new HashSet<Type>());
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [SkippableFact]
    public void Checker_reports_wrong_types_and_unknown_members()
    {
        // Negative control: a shape-named type with a wrong member type, an unknown member and a wrong nested type.
        var shapes = RequireModel().GetProperty("shapes");
        var problems = new List<string>();
        CheckStructure(typeof(SecretVersionsListEntry), "SecretVersionsListEntry", shapes, problems, new HashSet<Type>());
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("VersionId", StringComparison.Ordinal) && p.Contains("Int32?", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Bogus", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("CreatedDate", StringComparison.Ordinal) && p.Contains("String", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("KmsKeyIds", StringComparison.Ordinal) && p.Contains("list", StringComparison.Ordinal));
    }

#pragma warning disable CA1812 // Instantiated only through the JSON contract in the negative control.
    private sealed class SecretVersionsListEntry
    {
        public int? VersionId { get; set; }
        public string? CreatedDate { get; set; }
        public string? Bogus { get; set; }
        public string[]? KmsKeyIds { get; set; }
        public List<string>? VersionStages { get; set; }
    }
#pragma warning restore CA1812

    [Fact]
    public void Json_contract_covers_every_public_property_except_JsonIgnore()
    {
        // The conformance check walks the JSON contract; make sure it is the whole public surface.
        var types = typeof(CreateSecretRequest).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.IsClass && !t.IsAbstract && t.Namespace == "SecretsPS.Client.Model")
            .ToList();
        Assert.True(types.Count >= 34, $"only {types.Count} model types found");
        foreach (var type in types)
        {
            var declared = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
                .Select(p => p.Name)
                .OrderBy(n => n, StringComparer.Ordinal);
            var contract = JsonMembers(type).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(declared, contract);
        }
    }

    // The source-generated contract lists [JsonIgnore] properties too (never read or written); leave them out.
    private static IEnumerable<JsonPropertyInfo> JsonMembers(Type type)
        => (SecretsManagerJsonContext.Default.GetTypeInfo(type)?.Properties
            ?? (type.DeclaringType == typeof(ModelConformanceTests) ? s_reflection.GetTypeInfo(type).Properties : null)
            ?? throw new InvalidOperationException($"{type.Name} is not in the client's JSON context"))
           .Where(p => type.GetProperty(p.Name)?.GetCustomAttribute<JsonIgnoreAttribute>() is null);

    private static void CheckStructure(Type type, string shapeName, JsonElement shapes, List<string> problems, HashSet<Type> visited)
    {
        if (!visited.Add(type))
        {
            return;
        }

        var shape = shapes.GetProperty(shapeName);
        if (shape.GetProperty("type").GetString() != "structure")
        {
            problems.Add($"{type.Name}: shape {shapeName} is not a structure");
            return;
        }

        var members = shape.GetProperty("members");
        foreach (var property in JsonMembers(type))
        {
            if (!members.TryGetProperty(property.Name, out var member))
            {
                problems.Add($"{type.Name}.{property.Name}: no member of that name in shape {shapeName}");
                continue;
            }

            CheckType($"{type.Name}.{property.Name}", property.PropertyType, member.GetProperty("shape").GetString()!, shapes, problems, visited);
        }
    }

    private static void CheckType(string where, Type clrType, string shapeName, JsonElement shapes, List<string> problems, HashSet<Type> visited)
    {
        var shape = shapes.GetProperty(shapeName);
        var kind = shape.GetProperty("type").GetString();
        Type? expected = kind switch
        {
            "string" => typeof(string),
            "blob" => typeof(byte[]),
            "timestamp" => typeof(DateTime?),
            "boolean" => typeof(bool?),
            "integer" => typeof(int?),
            "long" => typeof(long?),
            _ => null,
        };

        if (expected is not null)
        {
            if (clrType != expected)
            {
                problems.Add($"{where}: shape {shapeName} is {kind}, expected {Describe(expected)}, found {Describe(clrType)}");
            }

            return;
        }

        switch (kind)
        {
            case "list":
                if (!clrType.IsGenericType || clrType.GetGenericTypeDefinition() != typeof(List<>))
                {
                    problems.Add($"{where}: shape {shapeName} is a list, found {Describe(clrType)}");
                    return;
                }

                CheckType(where + "[]", clrType.GetGenericArguments()[0], shape.GetProperty("member").GetProperty("shape").GetString()!, shapes, problems, visited);
                return;
            case "map":
                if (!clrType.IsGenericType || clrType.GetGenericTypeDefinition() != typeof(Dictionary<,>))
                {
                    problems.Add($"{where}: shape {shapeName} is a map, found {Describe(clrType)}");
                    return;
                }

                CheckType(where + ".Key", clrType.GetGenericArguments()[0], shape.GetProperty("key").GetProperty("shape").GetString()!, shapes, problems, visited);
                CheckType(where + ".Value", clrType.GetGenericArguments()[1], shape.GetProperty("value").GetProperty("shape").GetString()!, shapes, problems, visited);
                return;
            case "structure":
                if (clrType.Name != shapeName)
                {
                    problems.Add($"{where}: shape {shapeName} is a structure, found {Describe(clrType)}");
                    return;
                }

                CheckStructure(clrType, shapeName, shapes, problems, visited);
                return;
            default:
                problems.Add($"{where}: shape {shapeName} has unhandled type {kind}");
                return;
        }
    }

    private static string Describe(Type type)
        => Nullable.GetUnderlyingType(type) is { } inner ? inner.Name + "?" : type.IsGenericType ? type.Name + "<" + string.Join(",", type.GetGenericArguments().Select(Describe)) + ">" : type.Name;

    private static JsonElement RequireModel()
    {
        Skip.If(Python.BotocoreDirectory is null, "python3 with botocore is not installed: the Secrets Manager service model is unavailable.");
        var model = s_model.Value;
        Skip.If(model is null, $"botocore at {Python.BotocoreDirectory} does not ship data/secretsmanager/2017-10-17/service-2.json(.gz).");
        return model!.Value;
    }

    private static JsonElement? LoadModel()
    {
        var directory = Python.BotocoreDirectory;
        if (directory is null)
        {
            return null;
        }

        var basePath = Path.Combine(directory, "data", "secretsmanager", "2017-10-17", "service-2.json");
        Stream stream;
        if (File.Exists(basePath + ".gz"))
        {
            stream = new GZipStream(File.OpenRead(basePath + ".gz"), CompressionMode.Decompress);
        }
        else if (File.Exists(basePath))
        {
            stream = File.OpenRead(basePath);
        }
        else
        {
            return null;
        }

        using (stream)
        using (var document = JsonDocument.Parse(stream))
        {
            return document.RootElement.Clone();
        }
    }
}
