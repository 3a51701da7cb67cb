"""What the boto3 conformance scripts share: counted checks, a client for the emulator, a training dataset."""
import sys
import uuid

import boto3
from botocore.config import Config

_checks = 0


def check(condition, what):
    """Counts a check that holds; exits 1 naming the first that does not."""
    global _checks
    if not condition:
        print(f"FAIL: {what}", file=sys.stderr)
        sys.exit(1)
    _checks += 1


def report():
    print(f"PASS {_checks} checks")


def client(args, secret=None):
    """A Clean Rooms ML client for --endpoint/--region/--access-key/--secret-key, with one attempt per call:
    no retries keeps the emulator's counts exact (a 402 or 4xx is not retried anyway)."""
    return boto3.session.Session().client(
        "cleanroomsml",
        endpoint_url=args.endpoint,
        region_name=args.region,
        aws_access_key_id=args.access_key,
        aws_secret_access_key=secret or args.secret_key,
        config=Config(retries={"max_attempts": 1, "mode": "standard"}),
    )


def create_training_dataset(ml, prefix, **extra):
    """A training dataset on a Glue table with user and item columns; returns its ARN."""
    return ml.create_training_dataset(
        name=f"{prefix}-{uuid.uuid4().hex[:8]}",
        roleArn="arn:aws:iam::123456789012:role/cleanrooms-ml",
        trainingData=[{
            "type": "INTERACTIONS",
            "inputConfig": {
                "schema": [
                    {"columnName": "user_id", "columnTypes": ["USER_ID"]},
                    {"columnName": "item_id", "columnTypes": ["ITEM_ID"]},
                ],
                "dataSource": {"glueDataSource": {"tableName": "clicks", "databaseName": "ml_db"}},
            },
        }],
        **extra,
    )["trainingDatasetArn"]
