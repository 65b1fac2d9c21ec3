# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'progress_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QSizePolicy, QVBoxLayout, QWidget)

from pyqtgraph import GraphicsLayoutWidget

class Ui_ProgressPanel(object):
    def setupUi(self, ProgressPanel):
        if not ProgressPanel.objectName():
            ProgressPanel.setObjectName(u"ProgressPanel")
        ProgressPanel.resize(900, 520)
        self.layout = QVBoxLayout(ProgressPanel)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(2, 2, 2, 2)
        self.graphics = GraphicsLayoutWidget(ProgressPanel)
        self.graphics.setObjectName(u"graphics")

        self.layout.addWidget(self.graphics)


        self.retranslateUi(ProgressPanel)

        QMetaObject.connectSlotsByName(ProgressPanel)
    # setupUi

    def retranslateUi(self, ProgressPanel):
#if QT_CONFIG(accessibility)
        ProgressPanel.setAccessibleName(QCoreApplication.translate("ProgressPanel", u"Progress", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.graphics.setAccessibleName(QCoreApplication.translate("ProgressPanel", u"Progress charts", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

