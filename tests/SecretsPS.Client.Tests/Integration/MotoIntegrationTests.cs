using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using SecretsPS.Client.Model;
using Xunit;

namespace SecretsPS.Client.Tests.Integration;

/// <summary>Every operation against moto, the seed walkthrough, and the paginators.</summary>
[Collection(MotoFixture.Collection)]
public sealed class MotoIntegrationTests
{
    private readonly MotoFixture _moto;
    private readonly string _run = Guid.NewGuid().ToString("N").Substring(0, 8);

    public MotoIntegrationTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [SkippableFact]
    public async Task Seed_walkthrough()
    {
        using var client = _moto.CreateClient();
        var stringName = $"xunit/{_run}/my-test-secret-str";
        var binaryName = $"xunit/{_run}/my-byte-secret";
        var binaryValue = Encoding.UTF8.GetBytes("my-secret");

        // Create a string secret and a binary secret.
        var created = await client.CreateSecretAsync(new CreateSecretRequest { Name = stringName, SecretString = "test-secret-str" });
        Assert.Equal(stringName, created.Name);
        Assert.StartsWith("arn:aws:secretsmanager:us-east-1:", created.ARN, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(created.VersionId));
        Assert.False(string.IsNullOrEmpty(created.RequestId));
        var createdBinary = await client.CreateSecretAsync(new CreateSecretRequest { Name = binaryName, SecretBinary = binaryValue });
        Assert.Equal(binaryName, createdBinary.Name);

        // Get the current value.
        var current = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = stringName });
        Assert.Equal("test-secret-str", current.SecretString);
        Assert.Null(current.SecretBinary);
        Assert.Equal(created.VersionId, current.VersionId);
        Assert.Contains("AWSCURRENT", current.VersionStages!);
        Assert.NotNull(current.CreatedDate);
        Assert.InRange(current.CreatedDate!.Value, DateTime.UtcNow.AddMinutes(-10), DateTime.UtcNow.AddMinutes(10));
        var binary = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = binaryName });
        Assert.Equal(binaryValue, binary.SecretBinary);
        Assert.Null(binary.SecretString);

        // Update it.
        var updated = await client.UpdateSecretAsync(new UpdateSecretRequest { SecretId = stringName, SecretString = "test-secret-str-new-value" });
        Assert.Equal(stringName, updated.Name);
        Assert.NotEqual(created.VersionId, updated.VersionId);

        // Put a new version with a custom stage.
        var put = await client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = stringName, SecretString = "test-secret-str-new-version", VersionStages = new() { "new-version" } });
        Assert.Equal(new[] { "new-version" }, put.VersionStages);

        // Get by that stage, and by default: the update's value is still current.
        var byStage = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = stringName, VersionStage = "new-version" });
        Assert.Equal("test-secret-str-new-version", byStage.SecretString);
        Assert.Equal(put.VersionId, byStage.VersionId);
        var byDefault = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = stringName });
        Assert.Equal("test-secret-str-new-value", byDefault.SecretString);
        Assert.Equal(updated.VersionId, byDefault.VersionId);
        var byVersionId = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = created.ARN, VersionId = created.VersionId });
        Assert.Equal("test-secret-str", byVersionId.SecretString);

        // Delete with force.
        var forced = await client.DeleteSecretAsync(new DeleteSecretRequest { SecretId = binaryName, ForceDeleteWithoutRecovery = true });
        Assert.Equal(binaryName, forced.Name);
        Assert.NotNull(forced.DeletionDate);
        var gone = await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = binaryName }));
        Assert.Equal("ResourceNotFoundException", gone.ErrorCode);
        Assert.Equal("GetSecretValue", gone.Operation);
        Assert.Contains(gone.StatusCode, new[] { 400, 404 });

        // Delete with a 7-day recovery window.
        var scheduled = await client.DeleteSecretAsync(new DeleteSecretRequest { SecretId = stringName, RecoveryWindowInDays = 7 });
        Assert.InRange(scheduled.DeletionDate!.Value, DateTime.UtcNow.AddDays(7).AddHours(-1), DateTime.UtcNow.AddDays(7).AddHours(1));
        var described = await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = stringName });
        Assert.NotNull(described.DeletedDate);
        var blocked = await Assert.ThrowsAsync<InvalidRequestException>(() => client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = stringName }));
        Assert.Equal("InvalidRequestException", blocked.ErrorCode);

        // Restore.
        var restored = await client.RestoreSecretAsync(new RestoreSecretRequest { SecretId = stringName });
        Assert.Equal(stringName, restored.Name);
        Assert.Null((await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = stringName })).DeletedDate);
        Assert.Equal("test-secret-str-new-value", (await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = stringName })).SecretString);

        // Random passwords of length 32 and 4096.
        var password32 = await client.GetRandomPasswordAsync(new GetRandomPasswordRequest { PasswordLength = 32 });
        Assert.Equal(32, password32.RandomPassword!.Length);
        var password4096 = await client.GetRandomPasswordAsync(new GetRandomPasswordRequest { PasswordLength = 4096 });
        Assert.Equal(4096, password4096.RandomPassword!.Length);
        var defaultPassword = await client.GetRandomPasswordAsync(new GetRandomPasswordRequest());
        Assert.Equal(32, defaultPassword.RandomPassword!.Length);

        await client.DeleteSecretAsync(new DeleteSecretRequest { SecretId = stringName, ForceDeleteWithoutRecovery = true });
    }

    [SkippableFact]
    public async Task Every_remaining_operation_round_trips()
    {
        using var client = _moto.CreateClient();
        var name = $"xunit/{_run}/round-trip";
        var first = await client.CreateSecretAsync(new CreateSecretRequest
        {
            Name = name,
            Description = "round trip",
            SecretString = "v1",
            Tags = new() { new Tag("team", "platform"), new Tag("env", "test") },
        });

        // DescribeSecret: description, tags, label map.
        var described = await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name });
        Assert.Equal(first.ARN, described.ARN);
        Assert.Equal("round trip", described.Description);
        Assert.Equal(new[] { "env", "team" }, described.Tags!.Select(t => t.Key).OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(new[] { "AWSCURRENT" }, described.VersionIdsToStages![first.VersionId!]);
        Assert.NotNull(described.CreatedDate);
        Assert.NotNull(described.LastChangedDate);

        // Arbitrary bytes survive the base64 round trip.
        var bytes = new byte[] { 0x00, 0x01, 0x02, 0xff, 0x80, 0x7f };
        var second = await client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = name, SecretBinary = bytes });
        Assert.Contains("AWSCURRENT", second.VersionStages!);
        Assert.Equal(bytes, (await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name })).SecretBinary);

        // ListSecretVersionIds: both versions, with AWSCURRENT / AWSPREVIOUS.
        var versions = await client.ListSecretVersionIdsAsync(new ListSecretVersionIdsRequest { SecretId = name, IncludeDeprecated = true });
        Assert.Equal(name, versions.Name);
        var byId = versions.Versions!.ToDictionary(v => v.VersionId!, v => v.VersionStages ?? new List<string>());
        Assert.Contains("AWSCURRENT", byId[second.VersionId!]);
        Assert.Contains("AWSPREVIOUS", byId[first.VersionId!]);

        // UpdateSecretVersionStage: move AWSCURRENT back to the first version.
        var staged = await client.UpdateSecretVersionStageAsync(new UpdateSecretVersionStageRequest
        {
            SecretId = name,
            VersionStage = "AWSCURRENT",
            RemoveFromVersionId = second.VersionId,
            MoveToVersionId = first.VersionId,
        });
        Assert.Equal(name, staged.Name);
        // Checked through the label map: moto 5.2 moves the label but keeps serving the old default version.
        var labels = (await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name })).VersionIdsToStages!;
        Assert.Contains("AWSCURRENT", labels[first.VersionId!]);
        Assert.DoesNotContain("AWSCURRENT", labels[second.VersionId!]);

        // TagResource / UntagResource.
        var tagged = await client.TagResourceAsync(new TagResourceRequest { SecretId = name, Tags = new() { new Tag("owner", "xunit") } });
        Assert.Equal(200, tagged.HttpStatusCode);
        await client.UntagResourceAsync(new UntagResourceRequest { SecretId = name, TagKeys = new() { "team", "env" } });
        var tags = (await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name })).Tags!;
        var tag = Assert.Single(tags);
        Assert.Equal("owner", tag.Key);
        Assert.Equal("xunit", tag.Value);

        // ListSecrets with a filter finds it, with the version-to-stage map.
        var listed = await client.ListSecretsAsync(new ListSecretsRequest { Filters = new() { new Filter("name", name) } });
        var entry = Assert.Single(listed.SecretList!, e => e.Name == name);
        Assert.Equal(first.ARN, entry.ARN);
        Assert.Contains("AWSCURRENT", entry.SecretVersionsToStages![first.VersionId!]);

        // BatchGetSecretValue by id list.
        var batch = await client.BatchGetSecretValueAsync(new BatchGetSecretValueRequest { SecretIdList = new() { name } });
        var value = Assert.Single(batch.SecretValues!);
        // moto keeps serving the Put's (binary) version as default after the label move; AWS would return "v1".
        Assert.True(value.SecretString == "v1" || bytes.SequenceEqual(value.SecretBinary ?? Array.Empty<byte>()), "unexpected batch value");
        Assert.NotNull(value.CreatedDate);
        Assert.Equal(name, value.Name);

        await client.DeleteSecretAsync(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
    }

    [SkippableFact]
    public async Task Service_errors_arrive_typed()
    {
        using var client = _moto.CreateClient();
        var name = $"xunit/{_run}/errors";
        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "v" });

        var exists = await Assert.ThrowsAsync<ResourceExistsException>(() => client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "other" }));
        Assert.Equal("CreateSecret", exists.Operation);
        Assert.Equal(400, exists.StatusCode);
        Assert.False(string.IsNullOrEmpty(exists.RequestId));

        var window = await Assert.ThrowsAsync<InvalidParameterException>(() => client.DeleteSecretAsync(new DeleteSecretRequest { SecretId = name, RecoveryWindowInDays = 3 }));
        Assert.Equal("InvalidParameterException", window.ErrorCode);

        var missing = await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = $"xunit/{_run}/does-not-exist" }));
        Assert.Equal("DescribeSecret", missing.Operation);
        Assert.False(string.IsNullOrEmpty(missing.Message));

        var noStage = await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name, VersionStage = "no-such-stage" }));
        Assert.Equal("ResourceNotFoundException", noStage.ErrorCode);

        await client.DeleteSecretAsync(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
    }

    [SkippableFact]
    public async Task ListSecrets_paginator_walks_single_item_pages()
    {
        using var client = _moto.CreateClient();
        var prefix = $"xunit/{_run}/page-";
        var names = new[] { prefix + "a", prefix + "b", prefix + "c" };
        foreach (var name in names)
        {
            await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "value-of-" + name });
        }

        var pages = await client.ListSecretsPages(new ListSecretsRequest { MaxResults = 1, Filters = new() { new Filter("name", prefix) } }).ReadAllAsync();
        Assert.True(pages.Count >= 3, $"expected at least 3 pages, got {pages.Count}");
        Assert.All(pages, p => Assert.True(p.SecretList!.Count <= 1));
        Assert.Equal(names, pages.SelectMany(p => p.SecretList!).Select(e => e.Name).OrderBy(n => n, StringComparer.Ordinal));

        // BatchGetSecretValue with Filters pages the same way and returns the values.
        var batchPages = await client.BatchGetSecretValuePages(new BatchGetSecretValueRequest { MaxResults = 1, Filters = new() { new Filter("name", prefix) } }).ReadAllAsync();
        Assert.True(batchPages.Count >= 3, $"expected at least 3 pages, got {batchPages.Count}");
        var values = batchPages.SelectMany(p => p.SecretValues ?? new List<SecretValueEntry>()).ToList();
        Assert.Equal(names, values.Select(v => v.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(values, v => Assert.Equal("value-of-" + v.Name, v.SecretString));

        // ListSecretVersionIds paginator (moto returns one page).
        var versionPages = await client.ListSecretVersionIdsPages(new ListSecretVersionIdsRequest { SecretId = names[0], MaxResults = 1 }).ReadAllAsync();
        Assert.Single(versionPages.SelectMany(p => p.Versions!));

        foreach (var name in names)
        {
            await client.DeleteSecretAsync(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
        }
    }

    [SkippableFact]
    public async Task Caller_token_makes_a_repeated_put_idempotent()
    {
        using var client = _moto.CreateClient();
        var name = $"xunit/{_run}/token";
        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "v1" });
        var token = Guid.NewGuid().ToString();
        var first = await client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = name, SecretString = "v2", ClientRequestToken = token });
        var again = await client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = name, SecretString = "v2", ClientRequestToken = token });
        Assert.Equal(token, first.VersionId);
        Assert.Equal(token, again.VersionId);
        var versions = await client.ListSecretVersionIdsAsync(new ListSecretVersionIdsRequest { SecretId = name, IncludeDeprecated = true });
        Assert.Equal(2, versions.Versions!.Count);
        await client.DeleteSecretAsync(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
    }
}
