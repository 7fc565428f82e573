"""The fine-tuned multi-task classifier: network, training, inference and the model/rules merge.

Importing this package does not import torch; its modules do.
"""
