"""Drives the eucsdk emulator from boto3, an independent client: the seed
operations and a fleet flow. The Go test TestAnyClientBoto3 starts the
emulator and passes its endpoint, keys and seeded image in the environment.
Exits non-zero with a message on the first thing that differs from AWS."""
import os
import sys
import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = os.environ["EMU_ENDPOINT"]
image = os.environ["EMU_IMAGE"]
session = boto3.session.Session(
    aws_access_key_id=os.environ["EMU_KEY"],
    aws_secret_access_key=os.environ["EMU_SECRET"],
    region_name=os.environ["EMU_REGION"],
)
cfg = Config(retries={"max_attempts": 1})
asc = session.client("appstream", endpoint_url=endpoint, config=cfg)
wsc = session.client("workspaces", endpoint_url=endpoint, config=cfg)
fast = {"Delay": 0.05, "MaxAttempts": 200}


def check(cond, what):
    if not cond:
        sys.exit("boto3: " + what)


# Empty listings carry their lists, as AWS sends them.
check(asc.describe_image_builders()["ImageBuilders"] == [], "DescribeImageBuilders on an empty account")
check(wsc.describe_workspace_images(ImageType="SHARED")["Images"] == [], "DescribeWorkspaceImages on an empty account")

# Seed operations: builder, then the image it made.
b = asc.create_image_builder(Name="b1", InstanceType="stream.standard.small", ImageName=os.environ["EMU_BASE_IMAGE"])["ImageBuilder"]
check(b["Name"] == "b1" and b["State"] == "PENDING", "CreateImageBuilder: %r" % b)
# botocore has no ImageBuilderRunning waiter: poll, as its users do.
for _ in range(200):
    bs = asc.describe_image_builders(Names=["b1"])["ImageBuilders"]
    if bs and bs[0]["State"] == "RUNNING":
        break
    time.sleep(0.05)
check(len(bs) == 1 and bs[0]["State"] == "RUNNING", "DescribeImageBuilders: %r" % bs)
check(hasattr(bs[0].get("CreatedTime"), "year"), "CreatedTime is not a timestamp: %r" % bs[0].get("CreatedTime"))
imgs = asc.describe_images(Names=[image])["Images"]
check(len(imgs) == 1 and imgs[0]["State"] == "AVAILABLE", "DescribeImages: %r" % imgs)

# Fleet flow: create on the new image, start, wait, attach a stack.
asc.create_fleet(Name="f1", InstanceType="stream.standard.small", ImageName=image,
                 ComputeCapacity={"DesiredInstances": 1})
asc.start_fleet(Name="f1")
asc.get_waiter("fleet_started").wait(Names=["f1"], WaiterConfig=fast)
f = asc.describe_fleets(Names=["f1"])["Fleets"][0]
check(f["State"] == "RUNNING" and f["ImageName"] == image, "fleet after FleetStarted: %r" % f)
asc.create_stack(Name="s1")
asc.associate_fleet(FleetName="f1", StackName="s1")
check(asc.list_associated_stacks(FleetName="f1")["Names"] == ["s1"], "ListAssociatedStacks")

# Errors: the model's validation, a missing resource.
try:
    asc.create_stack(Name="not valid!")
    sys.exit("boto3: an invalid stack name was accepted")
except ClientError as e:
    check(e.response["Error"]["Code"] == "ValidationException", "invalid name: %r" % e.response["Error"])
    check(e.response["ResponseMetadata"]["RequestId"] != "", "no request id")
try:
    asc.delete_fleet(Name="nope")
    sys.exit("boto3: deleting a missing fleet succeeded")
except ClientError as e:
    check(e.response["Error"]["Code"] == "ResourceNotFoundException", "missing fleet: %r" % e.response["Error"])

print("boto3 %s: seed operations and fleet flow passed" % boto3.__version__)
