#!/usr/bin/env python3
"""Drives the CleanRoomsML emulator with boto3, a client nobody in this project wrote.

Usage: boto3_lifecycle.py --endpoint URL --region REGION --access-key ID --secret-key KEY

Exits 0 and prints "PASS <n> checks" when the whole audience-model lifecycle behaves as the real service
is documented to; exits 1 naming the first failed check otherwise.
"""
import argparse
import datetime

from botocore.exceptions import ClientError

from emulator_checks import check, client, create_training_dataset, report


def error_code(call, *args, **kwargs):
    try:
        call(*args, **kwargs)
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]
    return None, 200


def main():
    parser = argparse.ArgumentParser()
    for name in ("--endpoint", "--region", "--access-key", "--secret-key"):
        parser.add_argument(name, required=True)
    args = parser.parse_args()
    ml = client(args)

    # Training dataset
    dataset_arn = create_training_dataset(ml, "boto3", tags={"source": "boto3"})
    check(dataset_arn.startswith(f"arn:aws:cleanrooms-ml:{args.region}:"), f"dataset ARN carries the region: {dataset_arn}")
    dataset = ml.get_training_dataset(trainingDatasetArn=dataset_arn)
    check(dataset["status"] == "ACTIVE", "dataset is ACTIVE")
    check(dataset["trainingData"][0]["inputConfig"]["dataSource"]["glueDataSource"]["tableName"] == "clicks", "training data round trip")
    check(isinstance(dataset["createTime"], datetime.datetime), "createTime parses as a timestamp")

    # Audience models
    start = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
    end = datetime.datetime(2024, 1, 31, 12, 30, tzinfo=datetime.timezone.utc)
    arns = []
    for i in range(5):
        arns.append(ml.create_audience_model(
            name=f"model-{i}", trainingDatasetArn=dataset_arn, trainingDataStartTime=start, trainingDataEndTime=end,
            description="from boto3", tags={"index": str(i)},
        )["audienceModelArn"])
    check(len(set(arns)) == 5, "five distinct audience model ARNs")

    model = ml.get_audience_model(audienceModelArn=arns[0])
    check(model["name"] == "model-0", "get returns the name")
    check(model["trainingDataStartTime"] == start and model["trainingDataEndTime"] == end, "training window round trip")
    check(model["status"] in ("CREATE_PENDING", "CREATE_IN_PROGRESS", "ACTIVE"), f"status is a lifecycle value: {model['status']}")
    check(model["tags"] == {"index": "0"}, "get returns the tags")
    check(len(model["ResponseMetadata"]["RequestId"]) == 36, "x-amzn-RequestId is a GUID")

    # Pagination with the paginator, two per page
    pages = list(ml.get_paginator("list_audience_models").paginate(PaginationConfig={"PageSize": 2}))
    listed = [m["audienceModelArn"] for page in pages for m in page["audienceModels"]]
    check(len(pages) >= 3, f"several pages ({len(pages)})")
    check(all(len(page["audienceModels"]) <= 2 for page in pages), "pages hold at most 2")
    check(set(arns) <= set(listed), "every model is listed once the pages are followed")
    datasets = [d["trainingDatasetArn"] for d in ml.list_training_datasets(maxResults=100)["trainingDatasets"]]
    check(dataset_arn in datasets, "dataset listed")

    # Tags
    ml.tag_resource(resourceArn=arns[1], tags={"team": "ml", "cost center": "42"})
    tags = ml.list_tags_for_resource(resourceArn=arns[1])["tags"]
    check(tags == {"index": "1", "team": "ml", "cost center": "42"}, f"tags after tag_resource: {tags}")
    ml.untag_resource(resourceArn=arns[1], tagKeys=["index", "cost center"])
    tags = ml.list_tags_for_resource(resourceArn=arns[1])["tags"]
    check(tags == {"team": "ml"}, f"tags after untag_resource: {tags}")

    # Errors the service documents
    code, status = error_code(ml.create_audience_model, name="   ", trainingDatasetArn=dataset_arn)
    check((code, status) == ("ValidationException", 400), f"blank name refused: {code} {status}")
    missing = f"arn:aws:cleanrooms-ml:{args.region}:123456789012:audience-model/missing"
    code, status = error_code(ml.get_audience_model, audienceModelArn=missing)
    check((code, status) == ("ResourceNotFoundException", 404), f"unknown model: {code} {status}")
    code, status = error_code(ml.delete_training_dataset, trainingDatasetArn=dataset_arn)
    check((code, status) == ("ConflictException", 409), f"dataset in use: {code} {status}")

    # Delete
    for arn in arns:
        ml.delete_audience_model(audienceModelArn=arn)
    code, status = error_code(ml.get_audience_model, audienceModelArn=arns[0])
    check(code == "ResourceNotFoundException", "deleted model is gone")
    ml.delete_training_dataset(trainingDatasetArn=dataset_arn)
    code, status = error_code(ml.get_training_dataset, trainingDatasetArn=dataset_arn)
    check(code == "ResourceNotFoundException", "deleted dataset is gone")

    # A wrong secret is refused
    code, status = error_code(client(args, secret="not-the-secret").list_audience_models)
    check((code, status) == ("InvalidSignatureException", 403), f"wrong secret refused: {code} {status}")

    report()


if __name__ == "__main__":
    main()
