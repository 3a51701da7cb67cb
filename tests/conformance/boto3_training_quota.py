#!/usr/bin/env python3
"""Shows what boto3, a client nobody in this project wrote, makes of the emulator's training quota.

Usage: boto3_training_quota.py --endpoint URL --region REGION --access-key ID --secret-key KEY
                               --quota N --quota-name NAME

The emulator must train models for longer than this script runs and allow N models in training. The script
creates a training dataset and N models, expects the next create to raise ServiceQuotaExceededException (HTTP
402) carrying the quota's name and value, deletes one model and creates another in its slot. It leaves N models
in training. Exits 0 and prints "PASS <n> checks", or exits 1 naming the first failed check.
"""
import argparse
import sys

from emulator_checks import check, client, create_training_dataset, report


def main():
    parser = argparse.ArgumentParser()
    for name in ("--endpoint", "--region", "--access-key", "--secret-key", "--quota-name"):
        parser.add_argument(name, required=True)
    parser.add_argument("--quota", type=int, required=True)
    args = parser.parse_args()
    ml = client(args)

    dataset_arn = create_training_dataset(ml, "quota")

    arns = [ml.create_audience_model(name=f"training-{i}", trainingDatasetArn=dataset_arn)["audienceModelArn"]
            for i in range(args.quota)]
    check(len(set(arns)) == args.quota, f"{args.quota} models created")
    statuses = {ml.get_audience_model(audienceModelArn=arn)["status"] for arn in arns}
    check(statuses <= {"CREATE_PENDING", "CREATE_IN_PROGRESS"}, f"they are training: {statuses}")

    try:
        ml.create_audience_model(name="one-too-many", trainingDatasetArn=dataset_arn)
        check(False, "a create beyond the quota is refused")
    except ml.exceptions.ServiceQuotaExceededException as e:
        error = e.response["Error"]
        check(error["Code"] == "ServiceQuotaExceededException", f"error code: {error['Code']}")
        check(e.response["ResponseMetadata"]["HTTPStatusCode"] == 402, "HTTP 402")
        check(args.region in error["Message"], f"the message names the region: {error['Message']}")
        # botocore puts the modelled members of the error shape beside "Error".
        check(e.response.get("quotaName") == args.quota_name, f"quotaName: {e.response.get('quotaName')!r}")
        check(e.response.get("quotaValue") == float(args.quota), f"quotaValue: {e.response.get('quotaValue')!r}")

    ml.delete_audience_model(audienceModelArn=arns[0])
    try:
        freed = ml.create_audience_model(name="in-the-freed-slot", trainingDatasetArn=dataset_arn)["audienceModelArn"]
    except ml.exceptions.ServiceQuotaExceededException as e:
        freed = None
        print(e, file=sys.stderr)
    check(freed is not None and freed not in arns, "a create succeeds once a model in training is deleted")

    report()


if __name__ == "__main__":
    main()
